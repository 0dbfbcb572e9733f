package io.waypoint.schemas.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.schemas.WaypointSchemaStore;
import io.waypoint.schemas.tools.compat.CompatibilityChecker;
import io.waypoint.schemas.tools.compat.CompatibilityChecker.Kind;
import io.waypoint.schemas.tools.compat.CompatibilityChecker.Problem;
import io.waypoint.schemas.tools.compat.ContractForm;
import io.waypoint.schemas.tools.compat.PublishedSchema;
import io.waypoint.schemas.tools.compat.SchemaHistory;
import io.waypoint.schemas.tools.compat.SchemaSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's compatibility gate: every current schema of the catalogue against every published version of
 * its record, both directions (full transitive), plus the rules of Waypoint contracts: logical types, decimal
 * precision and scale unchanged, and no change left unreleased. The catalogue and the history are those of the
 * schemas jar on the classpath, proven to be built from the sources of the schemas module.
 */
class SchemaCompatibilityTest {

    private static final Path HISTORY_SOURCES = SchemasModule.HISTORY_SOURCES;
    private static final SchemaHistory HISTORY = SchemaHistory.fromClasspath();
    private static final Map<String, Schema> CURRENT = CompatibilityChecker.catalogueSchemas();

    static Stream<String> catalogueRecords() {
        return CURRENT.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogueRecords")
    void currentSchemaIsFullTransitivelyCompatibleWithEveryPublishedVersion(String record) {
        List<PublishedSchema> published = HISTORY.versions(record);

        assertNone(CompatibilityChecker.checkAgainst(CURRENT.get(record), published));
    }

    @Test
    void everyEnumHasADefaultSymbol() {
        assertNone(CURRENT.values().stream().flatMap(s -> CompatibilityChecker.enumsWithoutDefault(s).stream()).toList());
    }

    @Test
    void everyCatalogueRecordIsPublishedAndNoPublishedRecordLeftTheCatalogue() {
        assertNone(CompatibilityChecker.check(CURRENT, HISTORY).stream()
                .filter(p -> p.kind() == Kind.UNRELEASED || p.kind() == Kind.WITHDRAWN).toList());
        assertThat(HISTORY.recordNames()).containsExactlyInAnyOrderElementsOf(CURRENT.keySet());
    }

    @Test
    void everyCurrentSchemaIsReleasedAsItIsNow() {
        assertNone(CompatibilityChecker.check(CURRENT, HISTORY).stream()
                .filter(p -> p.kind() == Kind.UNRELEASED_CHANGE).toList());
        for (Map.Entry<String, Schema> record : CURRENT.entrySet()) {
            assertThat(HISTORY.latest(record.getKey()).orElseThrow().contractForm())
                    .as("contract form of the latest published %s", record.getKey())
                    .isEqualTo(ContractForm.of(record.getValue()));
        }
    }

    @Test
    void aChangedScaleOfThePublishedAmountWouldFailTheBuildThoughTheWireFormIsTheSame() {
        Schema dose = CURRENT.get(DoseAdministered.getClassSchema().getFullName());
        String json = dose.toString();
        assertThat(json).contains("\"logicalType\":\"decimal\",\"precision\":7,\"scale\":2");
        Schema rescaled = new Schema.Parser().parse(json.replace("\"precision\":7,\"scale\":2",
                "\"precision\":7,\"scale\":3"));
        assertThat(SchemaNormalization.parsingFingerprint64(rescaled))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(dose));

        List<Problem> problems = CompatibilityChecker.check(Map.of(dose.getFullName(), rescaled),
                SchemaHistory.of(HISTORY.versions(dose.getFullName())));

        assertThat(problems).extracting(Problem::kind).containsExactlyInAnyOrder(Kind.INCOMPATIBLE,
                Kind.UNRELEASED_CHANGE);
        assertThat(problems).filteredOn(p -> p.kind() == Kind.INCOMPATIBLE).singleElement().asString()
                .contains("field 'amountMg' is decimal(7,3) (bytes) but v1 published it as decimal(7,2) (bytes)");
        assertThat(problems).filteredOn(p -> p.kind() == Kind.UNRELEASED_CHANGE).singleElement().asString()
                .contains(CompatibilityChecker.RELEASE_COMMAND);
    }

    @Test
    void theCatalogueOnTheClasspathIsCompiledFromTheCurrentAvroSources() {
        List<String> differences = SchemaSources.differences(CURRENT, SchemaSources.read(SchemasModule.AVRO_SOURCES));

        assertThat(differences)
                .withFailMessage(() -> "The schemas on the classpath are not built from "
                        + SchemasModule.AVRO_SOURCES + "; " + SchemaSources.REBUILD_HINT + ":\n"
                        + String.join("\n", differences))
                .isEmpty();
    }

    @Test
    void wholeCatalogueCheckFindsNothing() {
        assertNone(CompatibilityChecker.check(CURRENT, HISTORY));
    }

    @Test
    void committedHistoryIsConsistentWithItsIndex() throws IOException {
        SchemaHistory sources = SchemaHistory.fromDirectory(HISTORY_SOURCES);

        assertThat(sources.problems()).isEmpty();
        assertThat(Files.readString(HISTORY_SOURCES.resolve("index.txt")))
                .as("index.txt lists exactly the published files; rewrite it with SchemaRelease")
                .isEqualTo(sources.index());
        assertThat(HISTORY.all()).extracting(PublishedSchema::resource)
                .as("the history on the classpath is the one in %s; %s", HISTORY_SOURCES, SchemaSources.REBUILD_HINT)
                .containsExactlyElementsOf(sources.all().stream().map(PublishedSchema::resource).toList());
        assertThat(HISTORY.all()).extracting(PublishedSchema::contractForm)
                .as("the history on the classpath is the one in %s; %s", HISTORY_SOURCES, SchemaSources.REBUILD_HINT)
                .containsExactlyElementsOf(sources.all().stream().map(PublishedSchema::contractForm).toList());
    }

    @Test
    void theCodecKnowsEveryPublishedVersion() {
        WaypointSchemaStore store = WaypointSchemaStore.get();
        for (PublishedSchema version : HISTORY.all()) {
            assertThat(store.findByFingerprint(version.fingerprint())).as(version.label()).isNotNull();
            assertThat(store.currentType(version.fullName())).as(version.label()).isNotNull();
        }
    }

    private static void assertNone(List<Problem> problems) {
        assertThat(problems)
                .withFailMessage(() -> problems.size() + " schema compatibility problem(s):\n"
                        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
