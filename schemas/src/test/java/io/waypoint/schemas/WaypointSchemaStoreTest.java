package io.waypoint.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waypoint.events.scheduling.SessionScheduled;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class WaypointSchemaStoreTest {

    @Test
    void knowsTheCurrentSchemaOfEveryCatalogueRecord() {
        WaypointSchemaStore store = WaypointSchemaStore.get();

        Arrays.stream(Topic.values()).flatMap(topic -> topic.valueTypes().stream()).forEach(type -> {
            Schema schema = SpecificData.get().getSchema(type);
            assertThat(store.findByFingerprint(SchemaNormalization.parsingFingerprint64(schema))).as(type.getName())
                    .isEqualTo(schema);
            assertThat(store.currentType(schema.getFullName())).isEqualTo(type);
        });
    }

    @Test
    void shipsTheHistoryIndexInTheJar() {
        assertThat(WaypointSchemaStore.class.getClassLoader().getResource(WaypointSchemaStore.HISTORY_INDEX))
                .isNotNull();
    }

    @Test
    void knowsThePublishedVersionsOfAnotherIndex() throws IOException {
        Schema v1;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("codec/history/io.waypoint.events.scheduling.SessionScheduled/v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        long fingerprint = SchemaNormalization.parsingFingerprint64(v1);
        assertThat(fingerprint).isNotEqualTo(SchemaNormalization.parsingFingerprint64(SessionScheduled.getClassSchema()));

        assertThat(WaypointSchemaStore.withHistory("codec/history/index.txt").findByFingerprint(fingerprint))
                .isEqualTo(v1);
        assertThat(WaypointSchemaStore.get().findByFingerprint(fingerprint)).isNull();
    }

    @Test
    void aMissingIndexIsNoHistoryButAMissingListedFileIsAnError() {
        assertThat(WaypointSchemaStore.withHistory("codec/no-such-index.txt").allVersions())
                .hasSameSizeAs(Arrays.stream(Topic.values()).flatMap(topic -> topic.valueTypes().stream()).toList());
        assertThatThrownBy(() -> WaypointSchemaStore.withHistory("codec/broken-index.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing: codec/history/io.waypoint.events.scheduling.Gone/v1.avsc");
    }
}
