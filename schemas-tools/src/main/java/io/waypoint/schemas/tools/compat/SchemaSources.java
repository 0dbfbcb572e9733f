package io.waypoint.schemas.tools.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * The schemas as the {@code .avsc} sources of the schemas module define them. The tools take the catalogue from
 * the compiled schemas on their classpath; comparing it with the sources tells whether that classpath is built
 * from the current sources. A stale schemas jar (an older build in the local repository, say) would check, document
 * or release contracts that are no longer the ones in the sources.
 */
public final class SchemaSources {

    /** How to put the current sources on the tools' classpath. */
    public static final String REBUILD_HINT = "build the schemas module in the same run, e.g."
            + " `./mvnw -pl schemas,schemas-tools verify`, or add `-am` to a build of schemas-tools alone";

    private SchemaSources() {
    }

    /** Every named type defined by the {@code .avsc} files under a folder, by full name. */
    public static SortedMap<String, Schema> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("No Avro sources at " + folder.toAbsolutePath().normalize());
        }
        SchemaParser parser = new SchemaParser();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".avsc")).sorted().toList()) {
                parser.parse(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SortedMap<String, Schema> schemas = new TreeMap<>();
        for (Schema schema : parser.getParsedNamedSchemas()) {
            schemas.put(schema.getFullName(), schema);
        }
        return schemas;
    }

    /**
     * How the compiled catalogue differs from the sources in its contract form (see {@link ContractForm}); empty
     * when every catalogue record is compiled from its current source.
     */
    public static List<String> differences(Map<String, Schema> catalogue, Map<String, Schema> sources) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Schema> record : catalogue.entrySet()) {
            Schema source = sources.get(record.getKey());
            if (source == null) {
                differences.add(record.getKey() + " is in the compiled catalogue but no .avsc source defines it");
            } else if (!ContractForm.of(source).equals(ContractForm.of(record.getValue()))) {
                differences.add(record.getKey() + ": the compiled schema is not the one its .avsc source defines");
            }
        }
        return differences;
    }
}
