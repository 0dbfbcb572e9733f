package io.waypoint.benchmark;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.frontdesk.ReferralReceived;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * L1: {@code ReferralReceived} (Avro single-object bytes, as a front-desk system sends them) to
 * {@code waypoint.frontdesk.v1}, each with its own referral id; intake-service answers each with
 * {@code PatientReferred} on {@code waypoint.intake.v1}, whose causationId is the referral's eventId (its referralId
 * when a causationId is absent).
 */
final class ReferralFlow implements LoadDriver.Flow {

    static final String SITE = "demo-clinic";

    private final EventCodec codec = new EventCodec();
    private final Map<String, String> idByEventId = new ConcurrentHashMap<>();

    @Override
    public String sendTopic() {
        return Topic.FRONTDESK.topicName();
    }

    @Override
    public List<String> receiveTopics() {
        return List.of(Topic.INTAKE.topicName());
    }

    @Override
    public ProducerRecord<String, byte[]> record(String referralId) {
        UUID eventId = UUID.randomUUID();
        idByEventId.put(eventId.toString(), referralId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ReferralReceived referral = ReferralReceived.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(eventId).setJourneyId(null)
                        .setOccurredAt(now.minus(1, ChronoUnit.DAYS)).setRecordedAt(now).setProtocol(null)
                        .setSource("front-desk-benchmark").setCorrelationId(referralId).setCausationId(null).build())
                .setReferralId(referralId)
                .setSiteId(SITE)
                .setGivenName("Bench")
                .setFamilyName("Mark")
                .setBirthDate(LocalDate.of(1984, 3, 14))
                .setEmail(null).setPhone(null).setReferrerName(null).setReferrerOrganisation(null)
                .setReferralNote(null)
                .build();
        return new ProducerRecord<>(sendTopic(), referralId, codec.encode(referral));
    }

    @Override
    public LoadDriver.Match match(ConsumerRecord<String, byte[]> received) {
        SpecificRecord event = codec.decode(received.value());
        if (!(event instanceof PatientReferred referred)) {
            return null;
        }
        Envelope envelope = referred.getEnvelope();
        String causation = envelope.getCausationId();
        String id = causation != null ? idByEventId.get(causation) : null;
        if (id == null) {
            id = referred.getReferralId();
        }
        return new LoadDriver.Match(id, envelope.getEventId().toString());
    }

    @Override
    public void reset() {
        idByEventId.clear();
    }
}
