package io.waypoint.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.waypoint.schemas.compat.CompatibilityChecker.Kind;
import io.waypoint.schemas.compat.CompatibilityChecker.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/** The compatibility rules, proven on fixture schemas against a fixture history. */
class CompatibilityCheckerTest {

    private static final String TRIAGED = "io.waypoint.fixtures.ReferralTriaged";
    private static final String DOSE_LOGGED = "io.waypoint.fixtures.DoseLogged";

    private final SchemaHistory history = SchemaHistory.fromClasspath("compat/history/index.txt");

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
                tuple(Kind.UNRELEASED, "io.waypoint.fixtures.ConsentWithdrawn"),
                tuple(Kind.WITHDRAWN, DOSE_LOGGED));
        assertThat(problems).filteredOn(p -> p.kind() == Kind.WITHDRAWN).singleElement()
                .extracting(Problem::message).asString().startsWith("published (latest v2) but no longer in the catalogue");
    }

    private List<Problem> check(String candidate) throws IOException {
        Schema schema = candidate(candidate);
        return CompatibilityChecker.check(Map.of(schema.getFullName(), schema), onlyRecord(schema.getFullName()));
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
