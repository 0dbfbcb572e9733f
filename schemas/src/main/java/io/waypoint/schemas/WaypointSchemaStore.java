package io.waypoint.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every schema version a Waypoint writer may have used, by its Avro CRC-64 fingerprint: the current
 * schema of every catalogue record plus every published version listed in {@value #HISTORY_INDEX}.
 * It replaces a registry server: the jar carries the history.
 */
public final class WaypointSchemaStore implements SchemaStore {

    /** Classpath resource listing the published schema files, one resource path a line. */
    public static final String HISTORY_INDEX = "waypoint/schema-history/index.txt";

    private static final WaypointSchemaStore INSTANCE = new WaypointSchemaStore();

    private final Map<Long, Schema> byFingerprint = new LinkedHashMap<>();
    private final Map<String, Class<? extends SpecificRecord>> currentTypes = new LinkedHashMap<>();

    private WaypointSchemaStore() {
        for (Topic topic : Topic.values()) {
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                Schema schema = SpecificData.get().getSchema(type);
                currentTypes.put(schema.getFullName(), type);
                byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema);
            }
        }
        for (Schema published : SchemaHistory.load(HISTORY_INDEX)) {
            byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(published), published);
        }
    }

    public static WaypointSchemaStore get() {
        return INSTANCE;
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** The generated class that reads records written with any version of the named schema. */
    public Class<? extends SpecificRecord> currentType(String fullName) {
        return currentTypes.get(fullName);
    }

    public Collection<Schema> allVersions() {
        return Collections.unmodifiableCollection(byFingerprint.values());
    }

    /** Reads published schema files named by an index resource. */
    static final class SchemaHistory {
        private SchemaHistory() {
        }

        static java.util.List<Schema> load(String indexResource) {
            ClassLoader loader = WaypointSchemaStore.class.getClassLoader();
            try (InputStream index = loader.getResourceAsStream(indexResource)) {
                if (index == null) {
                    return java.util.List.of();
                }
                java.util.List<Schema> schemas = new java.util.ArrayList<>();
                for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    String path = line.strip();
                    if (path.isEmpty() || path.startsWith("#")) {
                        continue;
                    }
                    try (InputStream in = loader.getResourceAsStream(path)) {
                        if (in == null) {
                            throw new IllegalStateException("Published schema listed but missing: " + path);
                        }
                        schemas.add(new Schema.Parser().parse(in));
                    }
                }
                return schemas;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
