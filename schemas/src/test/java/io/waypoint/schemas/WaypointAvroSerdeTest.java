package io.waypoint.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waypoint.events.followup.AdverseEventReported;
import io.waypoint.events.intake.PatientEnrolled;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WaypointAvroSerdeTest {

    private final WaypointAvroSerializer serializer = new WaypointAvroSerializer();
    private final WaypointAvroDeserializer deserializer = new WaypointAvroDeserializer();

    @Test
    void serializesEveryRecordSoTheDeserializerReadsItBack() {
        for (SpecificRecord record : SampleEvents.all()) {
            String topic = Topic.of(record.getClass()).topicName();
            byte[] bytes = serializer.serialize(topic, record);

            assertThat(bytes).isEqualTo(new EventCodec().encode(record));
            assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(record);
        }
    }

    @Test
    void passesAlreadyEncodedBytesThroughUntouched() {
        byte[] encoded = new EventCodec().encode(SampleEvents.sample(PatientEnrolled.class));

        assertThat(serializer.serialize(Topic.INTAKE.topicName(), encoded)).isSameAs(encoded);
        byte[] anything = {1, 2, 3};
        assertThat(serializer.serialize("waypoint.intake.v1.scheduling-service.dlq", anything)).isSameAs(anything);
    }

    @Test
    void nullStaysNullBothWays() {
        assertThat(serializer.serialize(Topic.INTAKE.topicName(), null)).isNull();
        assertThat(deserializer.deserialize(Topic.INTAKE.topicName(), null)).isNull();
    }

    @Test
    void refusesToSerializeWhatIsNeitherARecordNorBytes() {
        assertThatThrownBy(() -> serializer.serialize(Topic.INTAKE.topicName(), "PatientEnrolled"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void undecodableBytesBecomeASerializationExceptionCarryingTheCause() {
        byte[] encoded = serializer.serialize(Topic.FOLLOWUP.topicName(), SampleEvents.sample(AdverseEventReported.class));
        byte[] truncated = Arrays.copyOf(encoded, encoded.length - 1);
        byte[] garbage = "definitely not avro".getBytes();

        for (byte[] bytes : new byte[][] {truncated, garbage, new byte[0]}) {
            assertThatThrownBy(() -> deserializer.deserialize(Topic.FOLLOWUP.topicName(), bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasCauseInstanceOf(EventCodec.UndecodableEventException.class);
        }
    }
}
