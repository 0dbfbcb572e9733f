package io.waypoint.schemas.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waypoint.events.intake.PatientReferred;
import io.waypoint.schemas.tools.compat.CompatibilityChecker;
import io.waypoint.schemas.tools.compat.SchemaSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaSourcesTest {

    private static final String REFERRED = PatientReferred.getClassSchema().getFullName();

    @TempDir
    Path folder;

    @Test
    void readsEveryRecordOfTheSourcesWithItsSharedTypesResolved() {
        Map<String, Schema> sources = SchemaSources.read(SchemasModule.AVRO_SOURCES);

        assertThat(sources).containsKeys(CompatibilityChecker.catalogueSchemas().keySet().toArray(String[]::new))
                .containsKey("io.waypoint.events.common.Envelope");
        assertThat(SchemaNormalization.parsingFingerprint64(sources.get(REFERRED)))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(PatientReferred.getClassSchema()));
    }

    @Test
    void namesEveryCatalogueRecordThatIsNotCompiledFromItsSource() throws IOException {
        Path avro = copyOfTheSources();
        Path referred = avro.resolve("intake/PatientReferred.avsc");
        Files.writeString(referred, Files.readString(referred).replace("""
                      "name": "siteId",
                      "type": "string"
                """, """
                      "name": "siteId",
                      "type": "string",
                      "default": "site-unknown"
                """));
        Files.delete(avro.resolve("intake/JourneyWithdrawn.avsc"));

        assertThat(SchemaSources.differences(CompatibilityChecker.catalogueSchemas(), SchemaSources.read(avro)))
                .containsExactlyInAnyOrder(
                        REFERRED + ": the compiled schema is not the one its .avsc source defines",
                        "io.waypoint.events.intake.JourneyWithdrawn is in the compiled catalogue but no .avsc source"
                                + " defines it");
    }

    @Test
    void theReleaseRefusesACatalogueThatIsNotCompiledFromTheSources() throws IOException {
        Path avro = copyOfTheSources();
        Path referred = avro.resolve("intake/PatientReferred.avsc");
        Files.writeString(referred, Files.readString(referred).replace("\"name\": \"siteId\"", "\"name\": \"site\""));
        Path history = folder.resolve("history");

        assertThatThrownBy(() -> SchemaRelease.main(new String[] {avro.toString(), history.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Nothing released: the compiled catalogue on the classpath is not built from")
                .hasMessageContaining(REFERRED + ": the compiled schema is not the one its .avsc source defines");
        assertThat(history).doesNotExist();
    }

    @Test
    void aMissingSourceFolderIsAnError() {
        assertThatThrownBy(() -> SchemaSources.read(folder.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("No Avro sources at ");
    }

    private Path copyOfTheSources() throws IOException {
        Path copy = folder.resolve("avro");
        try (Stream<Path> files = Files.walk(SchemasModule.AVRO_SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(SchemasModule.AVRO_SOURCES.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return copy;
    }
}
