package io.waypoint.schemas;

import io.waypoint.schemas.compat.PublishedSchema;
import io.waypoint.schemas.compat.SchemaHistory;
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
    public static final String HISTORY_INDEX = SchemaHistory.INDEX;

    private static final WaypointSchemaStore INSTANCE = new WaypointSchemaStore(SchemaHistory.fromClasspath());

    private final Map<Long, Schema> byFingerprint = new LinkedHashMap<>();
    private final Map<String, Class<? extends SpecificRecord>> currentTypes = new LinkedHashMap<>();

    private WaypointSchemaStore(SchemaHistory history) {
        for (Topic topic : Topic.values()) {
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                Schema schema = SpecificData.get().getSchema(type);
                currentTypes.put(schema.getFullName(), type);
                byFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema);
            }
        }
        for (PublishedSchema published : history.all()) {
            byFingerprint.putIfAbsent(published.fingerprint(), published.schema());
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
        return new WaypointSchemaStore(SchemaHistory.fromClasspath(indexResource));
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
}
