package io.waypoint.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.waypoint.events.intake.PatientReferred;
import io.waypoint.platform.messaging.DeadLetters;
import io.waypoint.platform.test.TestTopics;
import io.waypoint.platform.test.WaypointServiceTest;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@WaypointServiceTest
class PlatformIntegrationTest {

    @Autowired PlatformTestApplication.ReferralWriter writer;
    @Autowired PlatformTestApplication.IntakeListener listener;
    @Autowired TestTopics topics;
    @Autowired JdbcClient jdbc;

    @Test
    void aCommittedChangeIsPublishedWithCloudEventsHeadersAndTheOutboxEmpties() {
        String journeyId = UUID.randomUUID().toString();
        PatientReferred sent = writer.refer(journeyId, "r-" + journeyId, false);

        List<ConsumerRecord<String, byte[]>> records = topics.read(Topic.INTAKE.topicName(),
                r -> journeyId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(new EventCodec().decode(record.value())).isEqualTo(sent);
        assertThat(header(record, "ce_id")).isEqualTo(sent.getEnvelope().getEventId().toString());
        assertThat(header(record, "ce_type")).isEqualTo("io.waypoint.events.intake.PatientReferred");
        assertThat(header(record, "ce_source")).isEqualTo("platform-test");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_subject")).isEqualTo(journeyId);
        assertThat(header(record, "ce_time")).isEqualTo("2026-01-05T09:00:00Z");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isZero());
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String journeyId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> writer.refer(journeyId, "r-" + journeyId, true))
                .isInstanceOf(IllegalStateException.class);
        String marker = UUID.randomUUID().toString();
        writer.refer(marker, "r-" + marker, false);

        List<ConsumerRecord<String, byte[]>> records = topics.read(Topic.INTAKE.topicName(),
                r -> journeyId.equals(r.key()) || marker.equals(r.key()), 2, Duration.ofSeconds(8));
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(marker);
    }

    @Test
    void garbageGoesToTheDeadLetterTopicWithItsOriginAndTheConsumerGoesOn() {
        String key = UUID.randomUUID().toString();
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        topics.sendRaw(Topic.INTAKE.topicName(), key, garbage);
        PatientReferred valid = writer.refer(key, "after-garbage-" + key, false);

        List<ConsumerRecord<String, byte[]>> dead = topics.read("waypoint.intake.v1.platform-test.dlq",
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.getFirst();
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(header(letter, DeadLetters.STAGE_HEADER)).isEqualTo("deserialization");
        assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo("waypoint.intake.v1");
        assertThat(header(letter, DeadLetters.ORIGIN_HEADER)).matches("waypoint\\.intake\\.v1-\\d+@\\d+");
        assertThat(letter.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
        assertThat(letter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(header(letter, "kafka_dlt-exception-message")).contains("single-object");
        assertThat(letter.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listener.handled()).contains(valid));
    }

    @Test
    void aRecordWhoseHandlerKeepsFailingIsDeadLetteredAfterRetries() {
        String key = UUID.randomUUID().toString();
        writer.refer(key, "poison-" + key, false);

        List<ConsumerRecord<String, byte[]>> dead = topics.read("waypoint.intake.v1.platform-test.dlq",
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(header(dead.getFirst(), DeadLetters.STAGE_HEADER)).isEqualTo("handling");
        assertThat(header(dead.getFirst(), "kafka_dlt-exception-message")).contains("cannot handle poison-");
        // the very bytes the writer sent, not a re-encoding by this consumer's schema version
        byte[] original = topics.read(Topic.INTAKE.topicName(), r -> key.equals(r.key()), 1, Duration.ofSeconds(10))
                .getFirst().value();
        assertThat(dead.getFirst().value()).isEqualTo(original);
        assertThat(new EventCodec().decode(dead.getFirst().value())).isInstanceOf(PatientReferred.class);
    }

    @Test
    void aDatabaseOutageIsWaitedOutAndTheRecordIsNeverDeadLettered() {
        String key = UUID.randomUUID().toString();
        PatientReferred flaky = writer.refer(key, "flaky-" + key, false);

        // more failures than the quick retries allow, yet handled in the end
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(listener.handled()).contains(flaky));
        assertThat(topics.read("waypoint.intake.v1.platform-test.dlq", r -> key.equals(r.key()), 1,
                Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        String journeyId = UUID.randomUUID().toString();
        PatientReferred event = writer.refer(journeyId, "r-" + journeyId, false);
        topics.send(Topic.INTAKE, journeyId, event);
        // same key, so the same partition: handled after the duplicate
        PatientReferred after = writer.refer(journeyId, "after-" + journeyId, false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(listener.handled()).contains(after));
        assertThat(listener.handled()).filteredOn(e -> e.equals(event)).hasSize(1);
    }

    @Test
    void aPoisonRecordAmongGoodOnesIsDeadLetteredAloneAndEveryOtherIsHandledOnceInOrder() {
        String journeyId = UUID.randomUUID().toString();
        // one key, so one partition: the records arrive together and are polled as one batch where they can be
        List<PatientReferred> before = new java.util.ArrayList<>();
        List<PatientReferred> after = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(referral(journeyId, "before-" + i + "-" + journeyId));
        }
        PatientReferred poison = referral(journeyId, "poison-" + journeyId);
        for (int i = 0; i < 5; i++) {
            after.add(referral(journeyId, "after-" + i + "-" + journeyId));
        }
        List<PatientReferred> all = new java.util.ArrayList<>(before);
        all.add(poison);
        all.addAll(after);
        topics.sendAll(Topic.INTAKE, journeyId, all);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(listener.handled()).contains(after.getLast()));
        List<PatientReferred> good = new java.util.ArrayList<>(before);
        good.addAll(after);
        assertThat(listener.handled()).filteredOn(good::contains).containsExactlyElementsOf(good);
        List<ConsumerRecord<String, byte[]>> dead = topics.read("waypoint.intake.v1.platform-test.dlq",
                r -> journeyId.equals(r.key()), 2, Duration.ofSeconds(5));
        assertThat(dead).hasSize(1);
        assertThat(new EventCodec().decode(dead.getFirst().value())).isEqualTo(poison);
        assertThat(header(dead.getFirst(), "kafka_dlt-exception-message")).contains("cannot handle poison-");
    }

    private static PatientReferred referral(String journeyId, String referralId) {
        return PatientReferred.newBuilder()
                .setEnvelope(new io.waypoint.platform.events.EnvelopeFactory(java.time.Clock.systemUTC(), "test")
                        .next(journeyId, java.time.Instant.parse("2026-01-05T09:00:00Z"),
                                new io.waypoint.events.common.ProtocolRef("mapp1", "1"),
                                io.waypoint.platform.events.Cause.command()))
                .setReferralId(referralId).setSiteId("site-1").build();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
