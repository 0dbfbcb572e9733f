package io.waypoint.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.schemas.EventCodec.UndecodableEventException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final String OLD_HISTORY = "codec/history/index.txt";
    private static final String OLD_SESSION_SCHEDULED =
            "codec/history/io.waypoint.events.scheduling.SessionScheduled/v1.avsc";

    private final EventCodec codec = new EventCodec();

    static Stream<SpecificRecord> samples() {
        return SampleEvents.all().stream();
    }

    @Test
    void samplesCoverEveryCatalogueRecord() {
        Set<Class<?>> catalogue = Arrays.stream(Topic.values()).flatMap(t -> t.valueTypes().stream())
                .collect(Collectors.toSet());
        Set<Class<?>> sampled = SampleEvents.all().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(catalogue);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsEveryCatalogueRecord(SpecificRecord record) {
        byte[] bytes = codec.encode(record);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(record.getSchema()));
        SpecificRecord decoded = codec.decode(bytes);
        assertThat(decoded).isInstanceOf(record.getClass()).isEqualTo(record);
        assertThat(Events.envelopeOf(decoded)).isEqualTo(Events.envelopeOf(record));
    }

    @Test
    void decodesBytesOfAnOlderVersionIntoTheCurrentClass() throws IOException {
        Schema v1 = fixture(OLD_SESSION_SCHEDULED);
        assertThat(v1.getField("dosingNumber")).isNull();
        SessionScheduled current = SampleEvents.sample(SessionScheduled.class);
        byte[] bytes = writeGeneric(v1, current);

        SpecificRecord decoded = new EventCodec(WaypointSchemaStore.withHistory(OLD_HISTORY)).decode(bytes);

        assertThat(decoded).as("every v1 field kept; dosingNumber, absent in v1, reads as its default")
                .isEqualTo(SessionScheduled.newBuilder(current).setDosingNumber(null).build());
    }

    @Test
    void bytesOfAVersionThatWasNeverPublishedAreUndecodable() throws IOException {
        byte[] bytes = writeGeneric(fixture(OLD_SESSION_SCHEDULED), SampleEvents.sample(SessionScheduled.class));

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageStartingWith("Unknown schema fingerprint");
    }

    @Test
    void unknownFingerprintIsUndecodable() {
        byte[] bytes = codec.encode(SampleEvents.sample(SessionScheduled.class));
        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123456789ABCDEFL);

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("Unknown schema fingerprint 123456789abcdef");
    }

    @Test
    void bytesWithoutTheSingleObjectMarkerAreUndecodable() {
        for (byte[] garbage : new byte[][] {null, new byte[0], "{\"eventId\":\"not avro\"}".getBytes(),
                {(byte) 0xC3, 0x02, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7}}) {
            assertThatThrownBy(() -> codec.decode(garbage))
                    .isInstanceOf(UndecodableEventException.class)
                    .hasMessageContaining("bad or missing marker");
        }
    }

    @Test
    void garbageAfterAKnownHeaderIsUndecodable() {
        byte[] header = Arrays.copyOf(codec.encode(SampleEvents.sample(SessionScheduled.class)), 10);
        byte[] bytes = Arrays.copyOf(header, 40);
        Arrays.fill(bytes, 10, bytes.length, (byte) 0xFF);

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageStartingWith("Corrupt io.waypoint.events.scheduling.SessionScheduled record");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTruncationIsUndecodable(SpecificRecord record) {
        byte[] bytes = codec.encode(record);

        IntStream.range(0, bytes.length).forEach(length ->
                assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, length)))
                        .as("first %d of %d bytes", length, bytes.length)
                        .isInstanceOf(UndecodableEventException.class));
    }

    @Test
    void corruptedBodiesEitherDecodeOrAreUndecodableButNeverThrowAnythingElse() {
        Random random = new Random(20260302L);
        for (SpecificRecord record : SampleEvents.all()) {
            byte[] bytes = codec.encode(record);
            for (int attempt = 0; attempt < 200; attempt++) {
                byte[] corrupt = bytes.clone();
                for (int flips = 0; flips < 3; flips++) {
                    corrupt[10 + random.nextInt(bytes.length - 10)] = (byte) random.nextInt(256);
                }
                try {
                    codec.decode(corrupt);
                } catch (UndecodableEventException expected) {
                    assertThat(expected).hasMessageStartingWith("Corrupt " + record.getSchema().getFullName());
                }
            }
        }
    }

    private static Schema fixture(String resource) throws IOException {
        try (InputStream in = EventCodecTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }

    /** What an older writer produced: generic data of the old schema, single-object encoded by Avro itself. */
    private static byte[] writeGeneric(Schema old, SessionScheduled values) throws IOException {
        Schema envelopeSchema = old.getField("envelope").schema();
        var envelope = values.getEnvelope();
        GenericRecord oldEnvelope = new GenericRecordBuilder(envelopeSchema)
                .set("eventId", envelope.getEventId().toString())
                .set("journeyId", envelope.getJourneyId())
                .set("occurredAt", envelope.getOccurredAt().toEpochMilli())
                .set("recordedAt", envelope.getRecordedAt().toEpochMilli())
                .set("protocol", new GenericRecordBuilder(envelopeSchema.getField("protocol").schema().getTypes().get(1))
                        .set("profile", envelope.getProtocol().getProfile())
                        .set("version", envelope.getProtocol().getVersion())
                        .build())
                .set("source", envelope.getSource())
                .set("correlationId", envelope.getCorrelationId())
                .set("causationId", envelope.getCausationId())
                .build();
        GenericRecord record = new GenericRecordBuilder(old)
                .set("envelope", oldEnvelope)
                .set("appointmentId", values.getAppointmentId())
                .set("kind", new GenericData.EnumSymbol(old.getField("kind").schema(), values.getKind().name()))
                .set("sequence", values.getSequence())
                .set("start", values.getStart().toEpochMilli())
                .set("end", values.getEnd().toEpochMilli())
                .set("roomId", values.getRoomId())
                .set("therapistIds", values.getTherapistIds())
                .build();
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), old).encode(record);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
