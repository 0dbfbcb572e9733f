package io.waypoint.platform.messaging;

import io.waypoint.schemas.EventCodec;
import java.lang.reflect.Type;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.converter.MessagingMessageConverter;

/**
 * Decodes a record's Avro single-object bytes for the listener, while the consumer itself keeps the original
 * bytes: whatever happens to the record, a dead letter carries exactly what the writer sent, whichever schema
 * version that was.
 */
public class AvroRecordMessageConverter extends MessagingMessageConverter {

    private final EventCodec codec;

    public AvroRecordMessageConverter(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    protected Object extractAndConvertValue(ConsumerRecord<?, ?> record, Type type) {
        if (record.value() instanceof byte[] bytes) {
            return codec.decode(bytes);
        }
        return super.extractAndConvertValue(record, type);
    }
}
