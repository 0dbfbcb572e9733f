package io.waypoint.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
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

    /** Classpath folder of the published schema history: {@code <record full name>/v<N>.avsc}. */
    public static final String HISTORY_ROOT = "waypoint/schema-history";

    /** Classpath resource listing the published schema files, one resource path a line. */
    public static final String HISTORY_INDEX = HISTORY_ROOT + "/index.txt";

    private static final WaypointSchemaStore INSTANCE = new WaypointSchemaStore(HISTORY_INDEX);

    private final Map<Long, Schema> byFingerprint = new LinkedHashMap<>();
    private final Map<String, Class<? extends SpecificRecord>> currentTypes = new LinkedHashMap<>();

    private WaypointSchemaStore(String indexResource) {
        for (Topic topic : Topic.values()) {
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                Schema schema = SpecificData.get().getSchema(type);
                currentTypes.put(schema.getFullName(), type);
                byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema);
            }
        }
        for (Schema published : publishedVersions(indexResource)) {
            byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(published), published);
        }
    }

    /** The store of the catalogue and the history this jar ships. */
    public static WaypointSchemaStore get() {
        return INSTANCE;
    }

    /**
     * A store of the catalogue and the published versions listed by another index resource (a fixture
     * history in tests, for instance).
     */
    public static WaypointSchemaStore withHistory(String indexResource) {
        return new WaypointSchemaStore(indexResource);
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

    /**
     * The published schemas listed by an index resource (lines starting with {@code #} are comments), each a
     * standalone {@code .avsc}; none when the index is absent.
     */
    private static List<Schema> publishedVersions(String indexResource) {
        List<Schema> versions = new ArrayList<>();
        publishedSources(indexResource).forEach((resource, text) -> {
            try {
                versions.add(new Schema.Parser().parse(text));
            } catch (AvroRuntimeException e) {
                throw new IllegalStateException("Published schema " + resource + " does not parse on its own: "
                        + e.getMessage(), e);
            }
        });
        return versions;
    }

    /**
     * The text of every published version listed in a classpath index, by resource name, in the index's order;
     * empty when the index is absent. Blank lines and {@code #} comments in the index are skipped.
     */
    public static Map<String, String> publishedSources(String indexResource) {
        ClassLoader loader = WaypointSchemaStore.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(indexResource)) {
            if (index == null) {
                return Map.of();
            }
            Map<String, String> sources = new LinkedHashMap<>();
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String resource = line.strip();
                if (resource.isEmpty() || resource.startsWith("#")) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("Published schema listed in " + indexResource
                                + " but missing: " + resource);
                    }
                    sources.put(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
