package io.waypoint.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer: Avro single-object encoding for records; bytes already encoded pass through. */
public class WaypointAvroSerializer implements Serializer<Object> {

    private final EventCodec codec = new EventCodec();

    @Override
    public byte[] serialize(String topic, Object data) {
        return switch (data) {
            case null -> null;
            case byte[] bytes -> bytes;
            case SpecificRecord record -> codec.encode(record);
            default -> throw new SerializationException("Cannot serialize " + data.getClass().getName());
        };
    }
}
