package io.waypoint.schemas.tools;

import io.waypoint.schemas.tools.compat.SchemaHistory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sources of the contracts in the schemas module: the {@code .avsc} files, the published history and the
 * AsyncAPI document. The build passes the module's folder as {@value #PROPERTY}; without it (a test started
 * from this module's folder) it is the sibling folder {@code ../schemas}.
 */
final class SchemasModule {

    static final String PROPERTY = "waypoint.schemas.dir";

    static final Path DIR = dir();
    static final Path AVRO_SOURCES = DIR.resolve("src/main/avro");
    static final Path HISTORY_SOURCES = DIR.resolve("src/main/resources").resolve(SchemaHistory.ROOT);
    static final Path ASYNCAPI = DIR.resolve(AsyncApiDocument.FILE);

    private SchemasModule() {
    }

    private static Path dir() {
        Path dir = Path.of(System.getProperty(PROPERTY, "../schemas")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("src/main/avro"))) {
            throw new IllegalStateException("No schemas module at " + dir + " (set -D" + PROPERTY + ")");
        }
        return dir;
    }
}
