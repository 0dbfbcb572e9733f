package io.waypoint.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka deserializer for Avro single-object encoded Waypoint records of any published schema version. */
public class WaypointAvroDeserializer implements Deserializer<SpecificRecord> {

    private final EventCodec codec = new EventCodec();

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return codec.decode(data);
        } catch (EventCodec.UndecodableEventException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
