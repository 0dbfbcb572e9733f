package io.waypoint.schemas.tools.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaHistoryTest {

    private static final String V1 = """
            {"type": "record", "name": "ReferralTriaged", "namespace": "io.waypoint.fixtures",
             "fields": [{"name": "referralId", "type": "string"}]}""";
    private static final String V2 = """
            {"type": "record", "name": "ReferralTriaged", "namespace": "io.waypoint.fixtures",
             "fields": [{"name": "referralId", "type": "string"},
                        {"name": "note", "type": ["null", "string"], "default": null}]}""";

    private static final String DOSE_V1 = """
            {"type": "record", "name": "DoseLogged", "namespace": "io.waypoint.fixtures",
             "fields": [{"name": "amountMg", "type": {"type": "bytes", "logicalType": "decimal", "precision": 7,
                                                      "scale": 2}},
                        {"name": "lotNumber", "type": "string", "default": "UNRECORDED"}]}""";

    @TempDir
    Path folder;

    @Test
    void readsVersionsFromAFolderOldestFirst() throws IOException {
        write("io.waypoint.fixtures.ReferralTriaged/v2.avsc", V2);
        write("io.waypoint.fixtures.ReferralTriaged/v1.avsc", V1);
        write("README.md", "about the history");
        write("index.txt", "written by the release");

        SchemaHistory history = SchemaHistory.fromDirectory(folder);

        assertThat(history.problems()).isEmpty();
        assertThat(history.versions("io.waypoint.fixtures.ReferralTriaged")).extracting(PublishedSchema::version)
                .containsExactly(1, 2);
        assertThat(history.latest("io.waypoint.fixtures.ReferralTriaged")).get()
                .extracting(PublishedSchema::resource)
                .isEqualTo("waypoint/schema-history/io.waypoint.fixtures.ReferralTriaged/v2.avsc");
        assertThat(history.index()).endsWith("""
                waypoint/schema-history/io.waypoint.fixtures.ReferralTriaged/v1.avsc
                waypoint/schema-history/io.waypoint.fixtures.ReferralTriaged/v2.avsc
                """);
        assertThat(history.latest("io.waypoint.fixtures.Unknown")).isEmpty();
    }

    @Test
    void reportsGapsMisplacedSchemasRepeatsAndStrays() throws IOException {
        write("io.waypoint.fixtures.ReferralTriaged/v1.avsc", V1);
        write("io.waypoint.fixtures.ReferralTriaged/v2.avsc", V1);
        write("io.waypoint.fixtures.ReferralTriaged/v4.avsc", V2);
        write("io.waypoint.fixtures.DoseLogged/v1.avsc", V1);
        write("io.waypoint.fixtures.DoseLogged/latest.avsc", V1);

        assertThat(SchemaHistory.fromDirectory(folder).problems()).containsExactlyInAnyOrder(
                "Stray file in the schema history (expected <full name>/v<N>.avsc):"
                        + " waypoint/schema-history/io.waypoint.fixtures.DoseLogged/latest.avsc",
                "waypoint/schema-history/io.waypoint.fixtures.DoseLogged/v1.avsc holds"
                        + " io.waypoint.fixtures.ReferralTriaged, not io.waypoint.fixtures.DoseLogged",
                "io.waypoint.fixtures.ReferralTriaged v2 is the same contract as v1 (only documentation differs)",
                "io.waypoint.fixtures.ReferralTriaged: expected v3 but found v4 (versions are numbered 1, 2, 3..."
                        + " without gaps)");
    }

    @Test
    void versionsThatDifferOnlyInDefaultsOrLogicalTypesAreDistinctButDocumentationIsNot() throws IOException {
        write("io.waypoint.fixtures.ReferralTriaged/v1.avsc", V2);
        write("io.waypoint.fixtures.ReferralTriaged/v2.avsc", V2.replace("\"default\": null",
                "\"default\": null, \"doc\": \"documented\""));
        write("io.waypoint.fixtures.DoseLogged/v1.avsc", DOSE_V1);
        write("io.waypoint.fixtures.DoseLogged/v2.avsc", DOSE_V1.replace("\"scale\": 2", "\"scale\": 3"));
        write("io.waypoint.fixtures.DoseLogged/v3.avsc", DOSE_V1.replace("\"scale\": 2", "\"scale\": 3")
                .replace("\"UNRECORDED\"", "\"UNKNOWN\""));

        assertThat(SchemaHistory.fromDirectory(folder).problems()).containsExactly(
                "io.waypoint.fixtures.ReferralTriaged v2 is the same contract as v1 (only documentation differs)");
    }

    @Test
    void aPublishedFileMustParseOnItsOwn() throws IOException {
        write("io.waypoint.fixtures.ReferralTriaged/v1.avsc", """
                {"type": "record", "name": "ReferralTriaged", "namespace": "io.waypoint.fixtures",
                 "fields": [{"name": "envelope", "type": "io.waypoint.events.common.Envelope"}]}""");

        assertThatThrownBy(() -> SchemaHistory.fromDirectory(folder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not parse on its own");
    }

    @Test
    void aMissingIndexIsAnEmptyHistoryButAMissingListedFileIsAnError() {
        assertThat(SchemaHistory.fromClasspath("compat/no-such-index.txt").all()).isEmpty();
        assertThat(SchemaHistory.fromDirectory(folder.resolve("absent")).all()).isEmpty();
        assertThatThrownBy(() -> SchemaHistory.fromClasspath("compat/broken-index.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing: compat/history/io.waypoint.fixtures.Gone/v1.avsc");
    }

    private void write(String relative, String content) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
