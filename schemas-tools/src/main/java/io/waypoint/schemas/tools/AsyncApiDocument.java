package io.waypoint.schemas.tools;

import io.waypoint.schemas.Topic;
import io.waypoint.schemas.tools.compat.PublishedSchema;
import io.waypoint.schemas.tools.compat.SchemaHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The AsyncAPI 3.0 document of every Waypoint topic, generated from the topic catalogue: a channel per
 * topic, a message per record whose payload is the record's latest released Avro schema (referenced in
 * the published history, relative to the module folder where {@value #FILE} lives), and one operation
 * per topic seen from Waypoint as a whole (it receives the front-desk topics and sends the others).
 *
 * <p>{@code ./mvnw -pl schemas-tools -am process-classes -Pasyncapi}; arguments: the document to write (in the
 * schemas module folder) and the history source folder.
 */
public final class AsyncApiDocument {

    /** The committed document, in the schemas module folder. */
    public static final String FILE = "asyncapi.yaml";

    /** Where the published history lives relative to {@value #FILE}. */
    public static final String RESOURCES = "src/main/resources/";

    public static final String CONTENT_TYPE = "application/vnd.apache.avro+binary";
    public static final String AVRO_SCHEMA_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";
    private static final String KAFKA_BINDING_VERSION = "0.5.0";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./+-]*");
    private static final Set<String> YAML_WORDS = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private final StringBuilder out = new StringBuilder();

    private AsyncApiDocument() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: AsyncApiDocument <asyncapi.yaml> <history folder>");
        }
        Path document = Path.of(args[0]);
        Files.writeString(document, render(SchemaHistory.fromDirectory(Path.of(args[1]))), StandardCharsets.UTF_8);
        System.out.println("Wrote " + document.getFileName());
    }

    /**
     * Renders the document.
     *
     * @throws IllegalStateException when a catalogue record has no released version to reference, or two
     *     records share a simple name
     */
    public static String render(SchemaHistory history) {
        return new AsyncApiDocument().write(history);
    }

    /** The channel id of a topic: its catalogue name in lower camel case, e.g. {@code frontdeskVisits}. */
    public static String channelId(Topic topic) {
        StringBuilder id = new StringBuilder();
        for (String word : topic.name().toLowerCase(Locale.ROOT).split("_")) {
            id.append(id.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return id.toString();
    }

    /** Waypoint receives the topics written outside it (front-desk systems) and sends all the others. */
    public static String action(Topic topic) {
        return topic.writer().endsWith("-service") ? "send" : "receive";
    }

    /** The operation id of a topic, e.g. {@code sendIntake} or {@code receiveFrontdesk}. */
    public static String operationId(Topic topic) {
        String channel = channelId(topic);
        return action(topic) + Character.toUpperCase(channel.charAt(0)) + channel.substring(1);
    }

    private String write(SchemaHistory history) {
        Map<String, Class<? extends SpecificRecord>> messageIds = messageIds();
        line(0, "# Generated from the topic catalogue (io.waypoint.schemas.Topic) and the released schemas by");
        line(0, "# io.waypoint.schemas.tools.AsyncApiDocument. Do not edit: a test fails when it drifts.");
        entry(0, "asyncapi", "3.0.0");
        line(0, "info:");
        entry(1, "title", "Waypoint events");
        entry(1, "version", "1.0.0");
        entry(1, "description", "Every Kafka topic of Waypoint, the records each carries and who writes it."
                + " Records use Avro single-object encoding (marker C3 01, 8-byte little-endian CRC-64"
                + " fingerprint of the writer schema, Avro binary body); every released schema version is"
                + " shipped in the schemas jar, so any reader decodes any version without a registry."
                + " Schemas evolve with full-transitive compatibility. A consumer group that cannot process"
                + " a record sends its original bytes to <topic>.<consumer group>.dlq.");
        entry(0, "defaultContentType", CONTENT_TYPE);
        line(0, "servers:");
        line(1, "local:");
        entry(2, "host", "localhost:9092");
        entry(2, "protocol", "kafka");
        entry(2, "description", "Broker of the local stack; services read its address from KAFKA_BROKERS.");

        line(0, "channels:");
        for (Topic topic : Topic.values()) {
            line(1, channelId(topic) + ":");
            entry(2, "address", topic.topicName());
            entry(2, "title", topic.topicName());
            entry(2, "description", channelDescription(topic));
            line(2, "messages:");
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                String id = type.getSimpleName();
                line(3, id + ":");
                entry(4, "$ref", "#/components/messages/" + id);
            }
            line(2, "bindings:");
            line(3, "kafka:");
            entry(4, "topic", topic.topicName());
            entry(4, "bindingVersion", KAFKA_BINDING_VERSION);
        }

        line(0, "operations:");
        for (Topic topic : Topic.values()) {
            line(1, operationId(topic) + ":");
            entry(2, "action", action(topic));
            line(2, "channel:");
            entry(3, "$ref", "#/channels/" + channelId(topic));
            entry(2, "summary", ("send".equals(action(topic)) ? "Waypoint writes " : "Waypoint reads ")
                    + topic.topicName() + "; its single writer is " + topic.writer() + ".");
            line(2, "messages:");
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                line(3, "- $ref: " + scalar("#/channels/" + channelId(topic) + "/messages/" + type.getSimpleName()));
            }
        }

        line(0, "components:");
        line(1, "messages:");
        for (Map.Entry<String, Class<? extends SpecificRecord>> message : messageIds.entrySet()) {
            Schema schema = SpecificData.get().getSchema(message.getValue());
            Topic topic = Topic.of(message.getValue());
            PublishedSchema released = history.latest(schema.getFullName()).orElseThrow(() ->
                    new IllegalStateException(schema.getFullName() + " has no released version to reference;"
                            + " release it with SchemaRelease first"));
            line(2, message.getKey() + ":");
            entry(3, "name", schema.getFullName());
            entry(3, "title", message.getKey());
            if (schema.getDoc() != null) {
                entry(3, "summary", schema.getDoc());
            }
            entry(3, "contentType", CONTENT_TYPE);
            line(3, "headers:");
            entry(4, "$ref", "#/components/schemas/CloudEventsHeaders");
            line(3, "correlationId:");
            entry(4, "$ref", "#/components/correlationIds/envelopeCorrelationId");
            line(3, "payload:");
            entry(4, "schemaFormat", AVRO_SCHEMA_FORMAT);
            line(4, "schema:");
            entry(5, "$ref", RESOURCES + released.resource());
            line(3, "bindings:");
            line(4, "kafka:");
            line(5, "key:");
            entry(6, "type", "string");
            entry(6, "description", topic.key());
            entry(5, "bindingVersion", KAFKA_BINDING_VERSION);
        }
        line(1, "schemas:");
        line(2, "CloudEventsHeaders:");
        entry(3, "type", "object");
        entry(3, "description", "CloudEvents Kafka protocol binding, binary content mode: the attributes are"
                + " headers, the record value is the event data. Waypoint services set them from the envelope.");
        line(3, "properties:");
        header("ce_specversion", "CloudEvents specification version.", null);
        header("ce_id", "envelope.eventId, the idempotency key.", "uuid");
        header("ce_type", "Full Avro name of the record, e.g. io.waypoint.events.intake.PatientEnrolled.", null);
        header("ce_source", "envelope.source, the writer.", null);
        header("ce_time", "envelope.occurredAt.", "date-time");
        header("ce_subject", "envelope.journeyId, when the record has one.", null);
        line(1, "correlationIds:");
        line(2, "envelopeCorrelationId:");
        entry(3, "description", "Ties together the events of one request or process.");
        entry(3, "location", "$message.payload#/envelope/correlationId");
        return out.toString();
    }

    private static String channelDescription(Topic topic) {
        return "Written only by " + topic.writer() + ". Key: " + topic.key() + ", so each key's records stay in"
                + " order."
                + (topic.identifying() ? " Carries identifying patient data: intake-service is its only reader." : "")
                + " Dead letters of consumer group G: " + topic.dlqName("G") + ".";
    }

    private void header(String name, String description, String format) {
        line(4, name + ":");
        entry(5, "type", "string");
        if (format != null) {
            entry(5, "format", format);
        }
        entry(5, "description", description);
    }

    /** Message ids are simple record names; they must be unique across the catalogue. */
    private static Map<String, Class<? extends SpecificRecord>> messageIds() {
        Map<String, Class<? extends SpecificRecord>> ids = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (Topic topic : Topic.values()) {
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                String previous = seen.put(type.getSimpleName(), type.getName());
                if (previous != null && !previous.equals(type.getName())) {
                    throw new IllegalStateException("Two records named " + type.getSimpleName() + ": " + previous
                            + " and " + type.getName());
                }
                ids.put(type.getSimpleName(), type);
            }
        }
        return ids;
    }

    private void entry(int depth, String key, String value) {
        line(depth, key + ": " + scalar(value));
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    /** A YAML scalar: plain when unambiguous, single-quoted otherwise. */
    static String scalar(String value) {
        if (value.chars().anyMatch(c -> c < 0x20)) {
            StringBuilder quoted = new StringBuilder("\"");
            value.chars().forEach(c -> quoted.append(switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                default -> c < 0x20 ? String.format("\\x%02x", c) : String.valueOf((char) c);
            }));
            return quoted.append('"').toString();
        }
        if (PLAIN.matcher(value).matches() && !YAML_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
