package io.waypoint.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waypoint.events.common.Envelope;
import io.waypoint.events.intake.PatientEnrolled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class TopicTest {

    private static final Path AVRO_SOURCES = Path.of("src/main/avro");

    /**
     * The event records: every top-level record of {@code src/main/avro} that carries an envelope. Read from
     * the sources (not the catalogue) so that a new .avsc forgotten in the catalogue is caught.
     */
    private static List<Class<?>> eventRecordTypes() throws IOException, ClassNotFoundException {
        ObjectMapper json = new ObjectMapper();
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(AVRO_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                JsonNode schema = json.readTree(file.toFile());
                boolean enveloped = schema.path("type").asText().equals("record")
                        && StreamSupport.stream(schema.path("fields").spliterator(), false)
                                .anyMatch(field -> field.path("name").asText().equals("envelope"));
                if (enveloped) {
                    types.add(Class.forName(schema.path("namespace").asText() + "." + schema.path("name").asText()));
                }
            }
        }
        return types;
    }

    @Test
    void everyEventRecordAppearsOnExactlyOneTopic() throws Exception {
        List<Class<?>> events = eventRecordTypes();
        assertThat(events).hasSizeGreaterThanOrEqualTo(30).doesNotContainNull();

        for (Class<?> event : events) {
            assertThat(Arrays.stream(Topic.values()).filter(t -> t.valueTypes().contains(event)))
                    .as("topics carrying %s", event.getName()).hasSize(1);
        }
        List<Class<? extends SpecificRecord>> catalogued = Arrays.stream(Topic.values())
                .flatMap(t -> t.valueTypes().stream()).toList();
        assertThat(catalogued).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                events.stream().map(type -> type.asSubclass(SpecificRecord.class)).toList());
    }

    @Test
    void everyCatalogueRecordCarriesAnEnvelopeFirst() {
        for (Topic topic : Topic.values()) {
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                Schema.Field first = SpecificData.get().getSchema(type).getFields().getFirst();
                assertThat(first.name()).as(type.getName()).isEqualTo("envelope");
                assertThat(first.schema().getFullName()).isEqualTo(Envelope.getClassSchema().getFullName());
            }
        }
    }

    @Test
    void topicNamesAreUniqueAndVersioned() {
        List<String> names = Arrays.stream(Topic.values()).map(Topic::topicName).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("waypoint(\\.[a-z]+)+\\.v[1-9][0-9]*"));
        assertThat(names).containsExactly("waypoint.frontdesk.v1", "waypoint.frontdesk.visits.v1",
                "waypoint.intake.v1", "waypoint.scheduling.v1", "waypoint.followup.v1", "waypoint.notifications.v1");
    }

    @Test
    void eachTopicHasOneWriterAKeyAndRecords() {
        for (Topic topic : Topic.values()) {
            assertThat(topic.writer()).as(topic.name()).isNotBlank();
            assertThat(topic.key()).as(topic.name()).isNotBlank();
            assertThat(topic.valueTypes()).as(topic.name()).isNotEmpty();
        }
        assertThat(Topic.INTAKE.writer()).isEqualTo("intake-service");
        assertThat(Topic.NOTIFICATIONS.key()).isEqualTo("therapistId");
        Map<Boolean, List<Topic>> byIdentifying = Arrays.stream(Topic.values())
                .collect(Collectors.partitioningBy(Topic::identifying));
        assertThat(byIdentifying.get(true)).containsExactly(Topic.FRONTDESK);
    }

    @Test
    void findsTopicsByNameAndByRecordType() {
        Map<String, Topic> byName = Arrays.stream(Topic.values())
                .collect(Collectors.toMap(Topic::topicName, Function.identity()));
        byName.forEach((name, topic) -> assertThat(Topic.byName(name)).contains(topic));
        assertThat(Topic.byName("waypoint.unknown.v1")).isEmpty();

        for (Topic topic : Topic.values()) {
            topic.valueTypes().forEach(type -> assertThat(Topic.of(type)).isEqualTo(topic));
        }
        assertThat(Topic.of(PatientEnrolled.class)).isEqualTo(Topic.INTAKE);
        assertThatThrownBy(() -> Topic.of(Envelope.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.waypoint.events.common.Envelope");
    }

    @Test
    void deadLetterTopicIsNamedAfterTopicAndConsumerGroup() {
        assertThat(Topic.INTAKE.dlqName("scheduling-service")).isEqualTo("waypoint.intake.v1.scheduling-service.dlq");
        assertThat(Topic.dlqName("waypoint.frontdesk.visits.v1", "followup-service"))
                .isEqualTo("waypoint.frontdesk.visits.v1.followup-service.dlq");
        for (Topic topic : Topic.values()) {
            assertThat(topic.dlqName("intake-service")).isEqualTo(topic.topicName() + ".intake-service.dlq")
                    .satisfies(dlq -> assertThat(Topic.byName(dlq)).isEmpty());
        }
    }
}
