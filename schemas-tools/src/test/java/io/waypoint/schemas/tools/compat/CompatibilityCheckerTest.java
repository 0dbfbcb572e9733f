package io.waypoint.schemas.tools.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.waypoint.schemas.tools.compat.CompatibilityChecker.Kind;
import io.waypoint.schemas.tools.compat.CompatibilityChecker.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** The compatibility rules, proven on fixture schemas against a fixture history. */
class CompatibilityCheckerTest {

    private static final String TRIAGED = "io.waypoint.fixtures.ReferralTriaged";
    private static final String DOSE_LOGGED = "io.waypoint.fixtures.DoseLogged";
    private static final String DOSE_MEASURED = "io.waypoint.fixtures.DoseMeasured";
    private static final String RELEASE = "`./mvnw -pl schemas-tools -am process-classes -Prelease-schemas`";

    private final SchemaHistory history = SchemaHistory.fromClasspath("compat/history/index.txt");
    private final SchemaHistory logicalHistory = SchemaHistory.fromClasspath("compat/logical/index.txt");

    @Test
    void fixtureHistoryIsConsistent() {
        assertThat(history.problems()).isEmpty();
        assertThat(history.recordNames()).containsExactly(DOSE_LOGGED, TRIAGED);
        assertThat(history.versions(DOSE_LOGGED)).extracting(PublishedSchema::version).containsExactly(1, 2);
    }

    @Test
    void rejectsANewFieldWithoutDefault() throws IOException {
        List<Problem> problems = check("ReferralTriaged-new-field-without-default");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.INCOMPATIBLE);
            assertThat(problem.record()).isEqualTo(TRIAGED);
            assertThat(problem).hasToString("INCOMPATIBLE io.waypoint.fixtures.ReferralTriaged: the current schema"
                    + " cannot read records written with v1 (reader=current, writer=v1): field 'siteId' is missing"
                    + " from the writer and has no default value in the reader at /fields/2");
        });
    }

    @Test
    void rejectsARemovedEnumSymbolThatAvroAloneWouldAccept() throws IOException {
        Schema candidate = candidate("ReferralTriaged-removed-enum-symbol");
        Schema v1 = history.latest(TRIAGED).orElseThrow().schema();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(candidate, v1).getType())
                .as("Avro maps a removed symbol to the reader's default")
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);

        List<Problem> problems = check("ReferralTriaged-removed-enum-symbol");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.ENUM_SYMBOL_REMOVED);
            assertThat(problem.message()).isEqualTo("enum io.waypoint.fixtures.TriagePriority drops symbol(s)"
                    + " [URGENT] published in v1; records carrying them would silently read as UNKNOWN. Keep"
                    + " published symbols (deprecate them in the doc instead)");
        });
    }

    @Test
    void acceptsANewOptionalFieldWithDefault() throws IOException {
        assertThat(check("ReferralTriaged-new-optional-field")).isEmpty();
    }

    @Test
    void acceptsAnAddedEnumSymbolWhenTheEnumHasADefault() throws IOException {
        assertThat(check("ReferralTriaged-added-enum-symbol")).isEmpty();
    }

    @Test
    void rejectsAnEnumWithoutDefaultSymbol() throws IOException {
        Schema candidate = candidate("ReferralTriaged-enum-without-default");
        assertThat(CompatibilityChecker.checkAgainst(candidate, history.versions(TRIAGED))).isEmpty();

        assertThat(CompatibilityChecker.enumsWithoutDefault(candidate)).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.ENUM_WITHOUT_DEFAULT);
            assertThat(problem.message()).startsWith("enum io.waypoint.fixtures.TriageChannel has no default symbol");
        });
    }

    @Test
    void checksEveryPublishedVersionNotOnlyTheLatest() throws IOException {
        Schema candidate = candidate("DoseLogged-lot-number-removed");
        List<PublishedSchema> versions = history.versions(DOSE_LOGGED);
        assertThat(CompatibilityChecker.checkAgainst(candidate, List.of(versions.getLast())))
                .as("compatible with the latest version alone").isEmpty();

        assertThat(CompatibilityChecker.checkAgainst(candidate, versions)).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.INCOMPATIBLE);
            assertThat(problem.message()).isEqualTo("readers still on v1 cannot read records written with the"
                    + " current schema (reader=v1, writer=current): field 'lotNumber' is missing from the writer"
                    + " and has no default value in the reader at /fields/1");
        });
    }

    @Test
    void reportsEveryProblemOfACatalogueAtOnce() throws IOException {
        Map<String, Schema> current = Map.of(
                TRIAGED, candidate("ReferralTriaged-new-field-without-default"),
                "io.waypoint.fixtures.ConsentWithdrawn", new Schema.Parser().parse("""
                        {"type": "record", "name": "ConsentWithdrawn", "namespace": "io.waypoint.fixtures",
                         "fields": [{"name": "reason", "type": "string"}]}"""));

        List<Problem> problems = CompatibilityChecker.check(current, history);

        assertThat(problems).extracting(Problem::kind, Problem::record).containsExactlyInAnyOrder(
                tuple(Kind.INCOMPATIBLE, TRIAGED),
                tuple(Kind.UNRELEASED_CHANGE, TRIAGED),
                tuple(Kind.UNRELEASED, "io.waypoint.fixtures.ConsentWithdrawn"),
                tuple(Kind.WITHDRAWN, DOSE_LOGGED));
        assertThat(problems).filteredOn(p -> p.kind() == Kind.WITHDRAWN).singleElement()
                .extracting(Problem::message).asString().startsWith("published (latest v2) but no longer in the catalogue");
    }

    @Test
    void rejectsADecimalScaleChangeThatAvroAloneWouldAccept() throws IOException {
        Schema candidate = logicalCandidate("amount-scale-3");
        PublishedSchema v1 = logicalHistory.latest(DOSE_MEASURED).orElseThrow();
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(candidate, v1.schema()).getType())
                .as("Avro resolves decimal bytes whatever their scale").isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(v1.schema(), candidate).getType())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(SchemaNormalization.parsingFingerprint64(candidate)).as("same wire form")
                .isEqualTo(v1.fingerprint());

        assertThat(CompatibilityChecker.checkAgainst(candidate, logicalHistory.versions(DOSE_MEASURED)))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.kind()).isEqualTo(Kind.INCOMPATIBLE);
                    assertThat(problem.record()).isEqualTo(DOSE_MEASURED);
                    assertThat(problem.message()).isEqualTo("field 'amountMg' is decimal(7,3) (bytes) but v1"
                            + " published it as decimal(7,2) (bytes): Avro resolves the bytes alike, but readers"
                            + " would interpret the values differently. Keep the logical type, precision and scale"
                            + " of a published field (add a new field instead)");
                });
    }

    @Test
    void rejectsEveryOtherChangeOfALogicalTypeOrDecimalPrecision() throws IOException {
        assertThat(logicalChanges("amount-precision-9")).singleElement().asString()
                .contains("field 'amountMg' is decimal(9,2) (bytes) but v1 published it as decimal(7,2) (bytes)");
        assertThat(logicalChanges("temperature-scale-2")).as("a branch of a nullable union").singleElement()
                .asString().contains("field 'temperatureCelsius' is decimal(4,2) (bytes) but v1 published it as"
                        + " decimal(4,1) (bytes)");
        assertThat(logicalChanges("administered-at-micros")).singleElement().asString()
                .contains("field 'administeredAt' is timestamp-micros (long) but v1 published it as"
                        + " timestamp-millis (long)");
        assertThat(logicalChanges("readings-plain-long")).as("the items of an array").singleElement().asString()
                .contains("field 'readings[]' is a plain long but v1 published it as timestamp-millis (long)");
    }

    @Test
    void checksTheLogicalTypesAgainstEveryPublishedVersion() throws IOException {
        Schema current = logicalHistory.latest(DOSE_MEASURED).orElseThrow().schema();
        PublishedSchema v1 = new PublishedSchema(DOSE_MEASURED, 1, "compat/logical/v1",
                logicalCandidate("amount-scale-3"));
        PublishedSchema v2 = new PublishedSchema(DOSE_MEASURED, 2, "compat/logical/v2", current);

        assertThat(CompatibilityChecker.checkAgainst(current, List.of(v2))).isEmpty();
        assertThat(CompatibilityChecker.checkAgainst(current, List.of(v1, v2))).singleElement().asString()
                .contains("field 'amountMg' is decimal(7,2) (bytes) but v1 published it as decimal(7,3) (bytes)");
    }

    @Test
    void aContractChangeThatIsNotReleasedFailsTheCheckNamingTheReleaseCommand() throws IOException {
        Schema candidate = logicalCandidate("lot-number-default-changed");
        assertThat(SchemaNormalization.parsingFingerprint64(candidate)).as("same wire form")
                .isEqualTo(logicalHistory.latest(DOSE_MEASURED).orElseThrow().fingerprint());
        assertThat(CompatibilityChecker.checkAgainst(candidate, logicalHistory.versions(DOSE_MEASURED)))
                .as("a new default is compatible").isEmpty();

        assertThat(CompatibilityChecker.check(Map.of(DOSE_MEASURED, candidate), logicalHistory)).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.kind()).isEqualTo(Kind.UNRELEASED_CHANGE);
                    assertThat(problem.record()).isEqualTo(DOSE_MEASURED);
                    assertThat(problem.message()).isEqualTo("the current schema differs from the latest published"
                            + " version v1 (its logical types, defaults or aliases differ (same wire form)):"
                            + " release it as v2 with " + RELEASE + " and commit the new version with the change");
                });
    }

    @Test
    void aScaleChangeIsBothIncompatibleAndUnreleasedThoughItsFingerprintIsTheSame() throws IOException {
        List<Problem> problems = CompatibilityChecker.check(
                Map.of(DOSE_MEASURED, logicalCandidate("amount-scale-3")), logicalHistory);

        assertThat(problems).extracting(Problem::kind)
                .containsExactlyInAnyOrder(Kind.INCOMPATIBLE, Kind.UNRELEASED_CHANGE);
    }

    @Test
    void aWireChangeThatIsNotReleasedSaysSo() throws IOException {
        Schema schema = candidate("ReferralTriaged-new-optional-field");

        assertThat(CompatibilityChecker.check(Map.of(TRIAGED, schema), onlyRecord(TRIAGED))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.kind()).isEqualTo(Kind.UNRELEASED_CHANGE);
                    assertThat(problem.message()).contains("(its wire form differs)", RELEASE);
                });
    }

    @Test
    void documentationAloneIsNeitherIncompatibleNorAnUnreleasedChange() throws IOException {
        Schema documented = logicalCandidate("documented");

        assertThat(CompatibilityChecker.check(Map.of(DOSE_MEASURED, documented), logicalHistory)).isEmpty();
        assertThat(ContractForm.of(documented))
                .isEqualTo(logicalHistory.latest(DOSE_MEASURED).orElseThrow().contractForm());
    }

    @Test
    void theContractFormKeepsLogicalTypesDefaultsAndAliasesButNotDocumentationOrJavaHints() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "Vitals", "namespace": "io.waypoint.fixtures", "doc": "not kept",
                 "aliases": ["VitalSigns"],
                 "fields": [
                   {"name": "temperatureCelsius", "doc": "not kept", "aliases": ["temperature"],
                    "type": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 1}},
                   {"name": "site", "type": {"type": "string", "avro.java.string": "String"}, "default": "x\\"y"},
                   {"name": "rate", "type": "double", "default": 1.50},
                   {"name": "quality", "type": {"type": "enum", "name": "Quality", "symbols": ["GOOD", "UNKNOWN"],
                    "default": "UNKNOWN"}}
                 ]}""");

        assertThat(ContractForm.of(schema)).isEqualTo("""
                {"name":"io.waypoint.fixtures.Vitals","type":"record","aliases":["io.waypoint.fixtures.VitalSigns"],\
                "fields":[{"name":"temperatureCelsius","aliases":["temperature"],"type":{"type":"bytes",\
                "logicalType":"decimal","precision":4,"scale":1}},{"name":"site","type":"string","default":"x\\"y"},\
                {"name":"rate","type":"double","default":1.5},{"name":"quality","type":{\
                "name":"io.waypoint.fixtures.Quality","type":"enum","symbols":["GOOD","UNKNOWN"],"default":"UNKNOWN"}}]}""");
    }

    private List<String> logicalChanges(String candidate) throws IOException {
        List<Problem> problems = CompatibilityChecker.checkAgainst(logicalCandidate(candidate),
                logicalHistory.versions(DOSE_MEASURED));
        assertThat(problems).extracting(Problem::kind).containsOnly(Kind.INCOMPATIBLE);
        return problems.stream().map(Problem::message).toList();
    }

    private static Schema logicalCandidate(String name) throws IOException {
        try (InputStream in = CompatibilityCheckerTest.class.getClassLoader()
                .getResourceAsStream("compat/logical/candidates/DoseMeasured-" + name + ".avsc")) {
            assertThat(in).as(name).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }

    /** The compatibility problems of a candidate; that it is not released yet is proven apart. */
    private List<Problem> check(String candidate) throws IOException {
        Schema schema = candidate(candidate);
        return CompatibilityChecker.check(Map.of(schema.getFullName(), schema), onlyRecord(schema.getFullName()))
                .stream().filter(problem -> problem.kind() != Kind.UNRELEASED_CHANGE).toList();
    }

    /** The fixture history restricted to one record, so that the other fixture record is not "withdrawn". */
    private SchemaHistory onlyRecord(String fullName) {
        return SchemaHistory.of(history.versions(fullName));
    }

    static Schema candidate(String name) throws IOException {
        try (InputStream in = CompatibilityCheckerTest.class.getClassLoader()
                .getResourceAsStream("compat/candidates/" + name + ".avsc")) {
            assertThat(in).as(name).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
