package io.waypoint.schemas.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waypoint.schemas.Topic;
import io.waypoint.schemas.tools.compat.PublishedSchema;
import io.waypoint.schemas.tools.compat.SchemaHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AsyncApiDocumentTest {

    private static final Path COMMITTED = SchemasModule.ASYNCAPI;
    private static final SchemaHistory HISTORY = SchemaHistory.fromClasspath();

    @Test
    void committedDocumentIsTheGeneratedOne() throws IOException {
        assertThat(Files.readString(COMMITTED))
                .as("%s drifted from the catalogue; regenerate it: ./mvnw -pl schemas-tools -am"
                        + " process-classes -Pasyncapi", COMMITTED)
                .isEqualTo(AsyncApiDocument.render(HISTORY));
    }

    @Test
    void describesEveryTopicAsAnAsyncApi3Channel() {
        Map<String, Object> document = document();

        assertThat(document).containsEntry("asyncapi", "3.0.0");
        assertThat(map(document, "info")).containsKeys("title", "version");
        Map<String, Object> channels = map(document, "channels");
        assertThat(channels.keySet()).containsExactly("frontdesk", "frontdeskVisits", "intake", "scheduling",
                "followup", "notifications");
        for (Topic topic : Topic.values()) {
            Map<String, Object> channel = map(channels, AsyncApiDocument.channelId(topic));
            assertThat(channel).containsEntry("address", topic.topicName());
            assertThat(map(map(channel, "bindings"), "kafka")).containsEntry("topic", topic.topicName());
            assertThat(map(channel, "messages").keySet()).containsExactlyElementsOf(
                    topic.valueTypes().stream().map(Class::getSimpleName).toList());
        }
    }

    @Test
    void everyReferenceResolves() {
        Map<String, Object> document = document();
        Map<String, Object> channels = map(document, "channels");
        Map<String, Object> messages = map(map(document, "components"), "messages");

        for (Map.Entry<String, Object> channel : channels.entrySet()) {
            for (Object message : map(channel.getValue(), "messages").values()) {
                assertThat(resolve(document, ref(message))).as(ref(message)).isNotNull();
            }
        }
        for (Object value : map(document, "operations").values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = (Map<String, Object>) value;
            String channel = ref(operation.get("channel"));
            assertThat(resolve(document, channel)).as(channel).isNotNull();
            for (Object message : (List<?>) operation.get("messages")) {
                assertThat(ref(message)).as("operation messages belong to its channel").startsWith(channel + "/messages/");
                assertThat(resolve(document, ref(message))).as(ref(message)).isNotNull();
            }
        }
        for (Object message : messages.values()) {
            assertThat(resolve(document, ref(map(message, "headers")))).isNotNull();
            assertThat(resolve(document, ref(map(message, "correlationId")))).isNotNull();
        }
    }

    @Test
    void everyRecordIsAnAvroMessageReferencingItsLatestReleasedSchema() throws IOException {
        Map<String, Object> messages = map(map(document(), "components"), "messages");
        List<Class<? extends SpecificRecord>> records = Arrays.stream(Topic.values())
                .flatMap(topic -> topic.valueTypes().stream()).toList();
        assertThat(messages).hasSameSizeAs(records);

        for (Class<? extends SpecificRecord> type : records) {
            Schema current = SpecificData.get().getSchema(type);
            Map<String, Object> message = map(messages, type.getSimpleName());
            assertThat(message).containsEntry("name", current.getFullName())
                    .containsEntry("contentType", "application/vnd.apache.avro+binary");
            Map<String, Object> payload = map(message, "payload");
            assertThat(payload).containsEntry("schemaFormat", "application/vnd.apache.avro+json;version=1.9.0");
            Path file = SchemasModule.DIR.resolve(ref(map(payload, "schema")));
            PublishedSchema latest = HISTORY.latest(current.getFullName()).orElseThrow();
            assertThat(file).as(type.getName()).exists()
                    .isEqualTo(SchemasModule.DIR.resolve(AsyncApiDocument.RESOURCES + latest.resource()));
            Schema referenced = new Schema.Parser().parse(file.toFile());
            assertThat(SchemaNormalization.parsingFingerprint64(referenced)).isEqualTo(latest.fingerprint());
            assertThat(map(map(map(message, "bindings"), "kafka"), "key")).containsEntry("type", "string")
                    .containsEntry("description", Topic.of(type).key());
        }
    }

    @Test
    void waypointReceivesTheFrontDeskTopicsAndSendsTheOthers() {
        Map<String, Object> operations = map(document(), "operations");

        assertThat(operations.keySet()).containsExactly("receiveFrontdesk", "receiveFrontdeskVisits", "sendIntake",
                "sendScheduling", "sendFollowup", "sendNotifications");
        assertThat(map(operations, "receiveFrontdesk")).containsEntry("action", "receive");
        assertThat(map(operations, "sendNotifications")).containsEntry("action", "send");
    }

    @Test
    void refusesToDocumentARecordThatWasNeverReleased() {
        assertThatThrownBy(() -> AsyncApiDocument.render(SchemaHistory.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no released version to reference");
    }

    @Test
    void quotesScalarsOnlyWhenYamlWouldMisreadThem() {
        assertThat(AsyncApiDocument.scalar("waypoint.intake.v1")).isEqualTo("waypoint.intake.v1");
        assertThat(AsyncApiDocument.scalar("#/channels/intake")).isEqualTo("'#/channels/intake'");
        assertThat(AsyncApiDocument.scalar("no")).isEqualTo("'no'");
        assertThat(AsyncApiDocument.scalar("3.0.0")).isEqualTo("'3.0.0'");
        assertThat(AsyncApiDocument.scalar("Key: referral id's")).isEqualTo("'Key: referral id''s'");
        assertThat(AsyncApiDocument.scalar("two\nlines")).isEqualTo("\"two\\nlines\"");
        String tricky = "a: b # c 'd' \"e\"\n\tf";
        assertThat((Object) new Yaml().load("k: " + AsyncApiDocument.scalar(tricky))).isEqualTo(Map.of("k", tricky));
    }

    private static Map<String, Object> document() {
        return new Yaml().load(AsyncApiDocument.render(HISTORY));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object parent, String key) {
        return (Map<String, Object>) ((Map<String, Object>) parent).get(key);
    }

    private static String ref(Object reference) {
        @SuppressWarnings("unchecked")
        Object value = ((Map<String, Object>) reference).get("$ref");
        assertThat(value).as("$ref of %s", reference).isInstanceOf(String.class);
        return (String) value;
    }

    /** Resolves a local JSON pointer such as {@code #/components/messages/PatientEnrolled}. */
    private static Object resolve(Map<String, Object> document, String pointer) {
        assertThat(pointer).startsWith("#/");
        Object node = document;
        for (String segment : pointer.substring(2).split("/")) {
            node = node instanceof Map<?, ?> m ? m.get(segment) : null;
        }
        return node;
    }
}
