package io.waypoint.schemas.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.schemas.tools.compat.CompatibilityChecker.Kind;
import io.waypoint.schemas.tools.compat.PublishedSchema;
import io.waypoint.schemas.tools.compat.SchemaHistory;
import io.waypoint.schemas.tools.SchemaRelease.Release;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaReleaseTest {

    private static final String TRIAGED = "io.waypoint.fixtures.ReferralTriaged";
    private static final String DOSE_LOGGED = "io.waypoint.fixtures.DoseLogged";
    private static final String DOSE_MEASURED = "io.waypoint.fixtures.DoseMeasured";

    @TempDir
    Path folder;

    @Test
    void firstReleasePublishesV1OfEveryRecordAndWritesTheIndex() throws IOException {
        Release release = SchemaRelease.release(catalogue(published(TRIAGED, 1), published(DOSE_LOGGED, 2)), folder);

        assertThat(release.succeeded()).isTrue();
        assertThat(release.published()).extracting(PublishedSchema::label)
                .containsExactly(TRIAGED + " v1", DOSE_LOGGED + " v1");
        assertThat(Files.readString(folder.resolve("index.txt"))).isEqualTo("""
                # Released Avro schema versions, one classpath resource a line.
                # Written by io.waypoint.schemas.tools.SchemaRelease: do not edit by hand.
                waypoint/schema-history/io.waypoint.fixtures.DoseLogged/v1.avsc
                waypoint/schema-history/io.waypoint.fixtures.ReferralTriaged/v1.avsc
                """);
        Schema written = new Schema.Parser().parse(folder.resolve(TRIAGED + "/v1.avsc").toFile());
        assertThat(SchemaNormalization.parsingFingerprint64(written))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(published(TRIAGED, 1)));
    }

    @Test
    void releasingAgainWithoutChangesPublishesNothing() throws IOException {
        Map<String, Schema> catalogue = catalogue(published(TRIAGED, 1));
        SchemaRelease.release(catalogue, folder);
        String v1 = Files.readString(folder.resolve(TRIAGED + "/v1.avsc"));

        Release again = SchemaRelease.release(catalogue, folder);

        assertThat(again.succeeded()).isTrue();
        assertThat(again.published()).isEmpty();
        assertThat(Files.readString(folder.resolve(TRIAGED + "/v1.avsc"))).isEqualTo(v1);
        assertThat(Files.exists(folder.resolve(TRIAGED + "/v2.avsc"))).isFalse();
    }

    @Test
    void aDocumentationOnlyChangeIsNotANewVersion() throws IOException {
        SchemaRelease.release(catalogue(published(TRIAGED, 1)), folder);
        Schema redocumented = new Schema.Parser().parse(published(TRIAGED, 1).toString()
                .replace("Fixture record, as released in v1.", "Better words, same bytes."));

        assertThat(SchemaRelease.release(catalogue(redocumented), folder).published()).isEmpty();
    }

    @Test
    void aCompatibleChangeBecomesTheNextVersion() throws IOException {
        SchemaRelease.release(catalogue(published(TRIAGED, 1)), folder);

        Release release = SchemaRelease.release(catalogue(candidate("ReferralTriaged-new-optional-field")), folder);

        assertThat(release.published()).extracting(PublishedSchema::label).containsExactly(TRIAGED + " v2");
        SchemaHistory history = SchemaHistory.fromDirectory(folder);
        assertThat(history.problems()).isEmpty();
        assertThat(history.versions(TRIAGED)).extracting(PublishedSchema::version).containsExactly(1, 2);
        assertThat(Files.readString(folder.resolve("index.txt"))).isEqualTo(history.index())
                .contains(TRIAGED + "/v1.avsc\n", TRIAGED + "/v2.avsc\n");
    }

    @Test
    void anIncompatibleChangeIsRefusedAndNothingIsWritten() throws IOException {
        SchemaRelease.release(catalogue(published(TRIAGED, 1)), folder);
        String index = Files.readString(folder.resolve("index.txt"));

        Release release = SchemaRelease.release(catalogue(candidate("ReferralTriaged-removed-enum-symbol")), folder);

        assertThat(release.succeeded()).isFalse();
        assertThat(release.published()).isEmpty();
        assertThat(release.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.kind()).isEqualTo(Kind.ENUM_SYMBOL_REMOVED));
        assertThat(Files.exists(folder.resolve(TRIAGED + "/v2.avsc"))).isFalse();
        assertThat(Files.readString(folder.resolve("index.txt"))).isEqualTo(index);
    }

    @Test
    void aChangeOfADefaultIsTheNextVersionThoughTheWireFormIsTheSame() throws IOException {
        SchemaRelease.release(catalogue(measured("v1")), folder);
        Schema changed = measured("candidates/DoseMeasured-lot-number-default-changed");

        Release release = SchemaRelease.release(catalogue(changed), folder);

        assertThat(release.succeeded()).isTrue();
        assertThat(release.published()).extracting(PublishedSchema::label).containsExactly(DOSE_MEASURED + " v2");
        SchemaHistory history = SchemaHistory.fromDirectory(folder);
        assertThat(history.problems()).isEmpty();
        assertThat(history.latest(DOSE_MEASURED).orElseThrow().schema().getField("lotNumber").defaultVal())
                .isEqualTo("UNKNOWN");
        assertThat(SchemaRelease.release(catalogue(changed), folder).published()).isEmpty();
    }

    @Test
    void aChangeOfADecimalScaleIsRefusedThoughTheWireFormIsTheSame() throws IOException {
        SchemaRelease.release(catalogue(measured("v1")), folder);

        Release release = SchemaRelease.release(catalogue(measured("candidates/DoseMeasured-amount-scale-3")), folder);

        assertThat(release.succeeded()).isFalse();
        assertThat(release.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.INCOMPATIBLE);
            assertThat(problem.message()).startsWith("field 'amountMg' is decimal(7,3)");
        });
        assertThat(Files.exists(folder.resolve(DOSE_MEASURED + "/v2.avsc"))).isFalse();
    }

    @Test
    void publishedFormIsStandaloneAndLanguageNeutral() {
        String published = SchemaRelease.publishedForm(SessionScheduled.getClassSchema());

        assertThat(published).doesNotContain("avro.java").contains("\"name\" : \"Envelope\"", "\"name\" : \"SessionKind\"");
        Schema parsed = new Schema.Parser().parse(published);
        assertThat(SchemaNormalization.parsingFingerprint64(parsed))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(SessionScheduled.getClassSchema()));
    }

    private static Map<String, Schema> catalogue(Schema... schemas) {
        Map<String, Schema> catalogue = new LinkedHashMap<>();
        for (Schema schema : schemas) {
            catalogue.put(schema.getFullName(), schema);
        }
        return catalogue;
    }

    private static Schema published(String record, int version) throws IOException {
        return parse("compat/history/" + record + "/v" + version + ".avsc");
    }

    private static Schema measured(String name) throws IOException {
        return parse("compat/logical/" + (name.startsWith("v") ? DOSE_MEASURED + "/" : "") + name + ".avsc");
    }

    private static Schema candidate(String name) throws IOException {
        return parse("compat/candidates/" + name + ".avsc");
    }

    private static Schema parse(String resource) throws IOException {
        try (InputStream in = SchemaReleaseTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
