package io.waypoint.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro single-object encoding (marker {@code C3 01}, 8-byte little-endian CRC-64 fingerprint, binary body)
 * with Avro's own message encoder and decoder. Decoding resolves the writer's schema version from
 * {@link WaypointSchemaStore} and reads it into the current generated class.
 */
public final class EventCodec {

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    static {
        trustWaypointRecords();
    }

    private final WaypointSchemaStore store;
    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();
    private final Map<Class<?>, BinaryMessageDecoder<SpecificRecord>> decoders = new ConcurrentHashMap<>();

    public EventCodec() {
        this(WaypointSchemaStore.get());
    }

    public EventCodec(WaypointSchemaStore store) {
        this.store = store;
    }

    /**
     * Avro only instantiates classes it trusts; add the generated Waypoint records to whatever the JVM
     * already trusts. Idempotent.
     */
    public static synchronized void trustWaypointRecords() {
        ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (current instanceof WaypointRecords) {
            return;
        }
        ClassSecurityValidator.setGlobal(new WaypointRecords(current));
    }

    private record WaypointRecords(ClassSecurityValidator.ClassSecurityPredicate others)
            implements ClassSecurityValidator.ClassSecurityPredicate {
        @Override
        public boolean isTrusted(Class<?> type) {
            return type.getName().startsWith("io.waypoint.events.") || others.isTrusted(type);
        }
    }

    public byte[] encode(SpecificRecord record) {
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.computeIfAbsent(record.getClass(),
                type -> new BinaryMessageEncoder<>(SpecificData.getForClass(type), record.getSchema()));
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws UndecodableEventException when the bytes are not a single-object encoded record of a known
     *     schema version
     */
    public SpecificRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new UndecodableEventException("Not an Avro single-object encoded record (bad or missing marker)");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema writer = store.findByFingerprint(fingerprint);
        if (writer == null) {
            throw new UndecodableEventException("Unknown schema fingerprint " + Long.toHexString(fingerprint));
        }
        Class<? extends SpecificRecord> type = store.currentType(writer.getFullName());
        if (type == null) {
            throw new UndecodableEventException("No current record type for " + writer.getFullName());
        }
        BinaryMessageDecoder<SpecificRecord> decoder = decoders.computeIfAbsent(type, t -> {
            SpecificData model = SpecificData.getForClass(t);
            return new BinaryMessageDecoder<>(model, model.getSchema(t), store);
        });
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            // corrupt bytes surface as any of EOFException, AvroRuntimeException, IndexOutOfBoundsException,
            // IllegalArgumentException (an invalid UUID string), NegativeArraySizeException...
            throw new UndecodableEventException("Corrupt " + writer.getFullName() + " record: " + e.getMessage(), e);
        }
    }

    /** A record that cannot be decoded: it goes to a dead-letter topic, never retried. */
    public static final class UndecodableEventException extends RuntimeException {
        public UndecodableEventException(String message) {
            super(message);
        }

        public UndecodableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
