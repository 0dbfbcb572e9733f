package io.waypoint.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.frontdesk.PatientDetailsUpdated;
import io.waypoint.events.frontdesk.ReferralReceived;
import io.waypoint.events.intake.EligibilityDetermined;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.events.intake.ScreeningRecorded;
import io.waypoint.platform.messaging.DeadLetters;
import io.waypoint.platform.test.TestTopics;
import io.waypoint.platform.test.WaypointServiceTest;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Events;
import io.waypoint.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The service with its real bindings: HTTP in, real Avro bytes out of and into Kafka, real PostgreSQL. */
@WaypointServiceTest
@TestPropertySource(properties = "waypoint.intake.sites.ny-clinic.zone=America/New_York")
class IntakeServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GIVEN_NAME = "Wilhelmina";
    private static final String FAMILY_NAME = "Quattlebaum";
    private static final String EMAIL = "w.quattlebaum@example.org";
    private static final String NEGATIVE_CSSRS = """
            {"wishToBeDead": true, "activeThoughts": false, "methodThoughts": false, "intent": false,
             "planWithIntent": false, "recentBehaviour": false}""";

    @LocalServerPort int port;
    @Autowired TestTopics topics;
    @Autowired JdbcClient jdbc;

    private RestClient http;
    private final EventCodec codec = new EventCodec();

    record Reply(int status, JsonNode body, String replayed) {
    }

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aJourneyFromReferralToEnrollmentIsPublishedInOrderWithoutIdentity() {
        String journeyId = refer("site-7", null);

        Reply screening = post("/api/v1/journeys/" + journeyId + "/screening", """
                {"ptsdDurationMonths": 24, "caps5Total": 41, "cssrs": %s, "exclusionCodes": [],
                 "medicationClasses": [], "occurredAt": "2026-01-12T09:00:00Z"}""".formatted(NEGATIVE_CSSRS));
        assertThat(screening.status()).isEqualTo(201);
        assertThat(screening.body().get("eligible").asBoolean()).isTrue();
        assertThat(screening.body().get("reasons")).isEmpty();

        assertThat(post("/api/v1/journeys/" + journeyId + "/consent", """
                {"consentFormVersion": "ICF-3.1", "overnightStayAgreed": true, "recordingAgreed": true,
                 "occurredAt": "2026-01-13T09:00:00Z"}""").status()).isEqualTo(201);

        Reply enrollment = post("/api/v1/journeys/" + journeyId + "/enrollment", """
                {"baselineCaps5Total": 42, "baselineAt": "2026-01-20T09:00:00Z", "pregnancyTestRequired": true,
                 "occurredAt": "2026-01-20T11:00:00Z"}""");
        assertThat(enrollment.status()).isEqualTo(201);
        assertThat(enrollment.body().get("journeyId").asString()).isEqualTo(journeyId);
        assertThat(enrollment.body().at("/protocol/profile").asString()).isEqualTo("mapp1");
        assertThat(enrollment.body().at("/protocol/version").asString()).isEqualTo("2024-1");

        JsonNode journey = get("/api/v1/journeys/" + journeyId).body();
        assertThat(journey.get("status").asString()).isEqualTo("ENROLLED");
        assertThat(journey.get("eligible").asBoolean()).isTrue();
        assertThat(journey.at("/protocol/profile").asString()).isEqualTo("mapp1");

        List<ConsumerRecord<String, byte[]>> raw = topics.read(Topic.INTAKE.topicName(),
                r -> journeyId.equals(r.key()), 5, WAIT);
        List<SpecificRecord> events = raw.stream().map(r -> codec.decode(r.value())).toList();
        assertThat(TestTopics.types(events)).containsExactly("PatientReferred", "ScreeningRecorded",
                "EligibilityDetermined", "ConsentRecorded", "PatientEnrolled");
        for (ConsumerRecord<String, byte[]> record : raw) {
            String bytes = new String(record.value(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(GIVEN_NAME, FAMILY_NAME, EMAIL, "7946", "Nightmares", "Referrer");
        }

        PatientReferred referred = (PatientReferred) events.get(0);
        assertThat(referred.getSiteId()).isEqualTo("site-7");
        assertThat(referred.getEnvelope().getProtocol()).isNull();
        assertThat(referred.getEnvelope().getOccurredAt()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        ScreeningRecorded recorded = (ScreeningRecorded) events.get(1);
        assertThat(recorded.getAgeYears()).isEqualTo(40);
        assertThat(recorded.getCaps5Total()).isEqualTo(41);
        assertThat(((EligibilityDetermined) events.get(2)).getEligible()).isTrue();
        PatientEnrolled enrolled = (PatientEnrolled) events.get(4);
        assertThat(enrolled.getBaselineCaps5Total()).isEqualTo(42);
        assertThat(enrolled.getSiteId()).isEqualTo("site-7");
        assertThat(enrolled.getPregnancyTestRequired()).isTrue();
        assertThat(enrolled.getEnvelope().getOccurredAt()).isEqualTo(Instant.parse("2026-01-20T11:00:00Z"));

        for (int i = 0; i < events.size(); i++) {
            Envelope envelope = Events.envelopeOf(events.get(i));
            assertThat(envelope.getJourneyId()).isEqualTo(journeyId);
            assertThat(envelope.getCorrelationId()).isEqualTo(journeyId);
            assertThat(envelope.getSource()).isEqualTo("intake-service");
            assertThat(envelope.getCausationId()).as("a REST command names no causing event").isNull();
            if (i > 0) {
                assertThat(envelope.getProtocol()).isEqualTo(new ProtocolRef("mapp1", "2024-1"));
            }
        }
    }

    @Test
    void anIneligibleScreeningListsItsReasonsAndConsentIsRefusedWithoutEffect() {
        String journeyId = refer("site-1", null);

        Reply screening = post("/api/v1/journeys/" + journeyId + "/screening", """
                {"ptsdDurationMonths": 24, "caps5Total": 34, "cssrs": %s, "exclusionCodes": ["QTC_PROLONGATION"],
                 "medicationClasses": ["ssri"], "occurredAt": "2026-01-12T09:00:00Z"}""".formatted(NEGATIVE_CSSRS));
        assertThat(screening.status()).isEqualTo(201);
        assertThat(screening.body().get("eligible").asBoolean()).isFalse();
        assertThat(strings(screening.body().get("reasons")))
                .containsExactly("CAPS5_BELOW_THRESHOLD", "EXCLUSION_QTC_PROLONGATION", "MEDICATION_SSRI");

        Reply consent = post("/api/v1/journeys/" + journeyId + "/consent", """
                {"consentFormVersion": "ICF-3.1", "overnightStayAgreed": true, "recordingAgreed": true,
                 "occurredAt": "2026-01-13T09:00:00Z"}""");
        assertThat(consent.status()).isEqualTo(422);
        assertThat(consent.body().get("type").asString()).isEqualTo("https://waypoint.example/problems/not-eligible");
        assertThat(strings(consent.body().get("reasons"))).contains("CAPS5_BELOW_THRESHOLD");
        assertThat(count("consent", journeyId)).isZero();
        assertThat(get("/api/v1/journeys/" + journeyId).body().get("status").asString()).isEqualTo("INELIGIBLE");

        assertThat(post("/api/v1/journeys/" + journeyId + "/withdrawal",
                "{\"reason\": \"NOT_ELIGIBLE\", \"occurredAt\": \"2026-01-14T09:00:00Z\"}").status()).isEqualTo(201);
        List<SpecificRecord> events = topics.readJourney(Topic.INTAKE, journeyId, 4, WAIT);
        assertThat(TestTopics.types(events)).containsExactly("PatientReferred", "ScreeningRecorded",
                "EligibilityDetermined", "JourneyWithdrawn");
        assertThat(((EligibilityDetermined) events.get(2)).getReasons())
                .containsExactly("CAPS5_BELOW_THRESHOLD", "EXCLUSION_QTC_PROLONGATION", "MEDICATION_SSRI");
        assertThat(((ScreeningRecorded) events.get(1)).getMedicationClasses()).containsExactly("SSRI");
    }

    @Test
    void rejectedCommandsStoreAndEmitNothing() {
        String journeyId = refer("site-1", null);

        Reply early = post("/api/v1/journeys/" + journeyId + "/consent", """
                {"consentFormVersion": "ICF-3.1", "overnightStayAgreed": true, "recordingAgreed": true,
                 "occurredAt": "2026-01-06T09:00:00Z"}""");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("type").asString())
                .isEqualTo("https://waypoint.example/problems/screening-missing");

        post("/api/v1/journeys/" + journeyId + "/screening", """
                {"ptsdDurationMonths": 6, "caps5Total": 35, "cssrs": %s,
                 "occurredAt": "2026-01-12T09:00:00Z"}""".formatted(NEGATIVE_CSSRS));
        Reply noOvernight = post("/api/v1/journeys/" + journeyId + "/consent", """
                {"consentFormVersion": "ICF-3.1", "overnightStayAgreed": false, "recordingAgreed": true,
                 "occurredAt": "2026-01-13T09:00:00Z"}""");
        assertThat(noOvernight.status()).isEqualTo(422);
        assertThat(noOvernight.body().get("type").asString())
                .isEqualTo("https://waypoint.example/problems/overnight-stay-not-agreed");
        Reply beforeConsent = post("/api/v1/journeys/" + journeyId + "/enrollment", """
                {"baselineCaps5Total": 40, "baselineAt": "2026-01-20T09:00:00Z", "pregnancyTestRequired": false,
                 "occurredAt": "2026-01-20T11:00:00Z"}""");
        assertThat(beforeConsent.status()).isEqualTo(422);
        assertThat(beforeConsent.body().get("type").asString())
                .isEqualTo("https://waypoint.example/problems/consent-missing");
        assertThat(count("consent", journeyId)).isZero();

        post("/api/v1/journeys/" + journeyId + "/consent", """
                {"consentFormVersion": "ICF-3.1", "overnightStayAgreed": true, "recordingAgreed": false,
                 "occurredAt": "2026-01-13T10:00:00Z"}""");
        Reply lowBaseline = post("/api/v1/journeys/" + journeyId + "/enrollment", """
                {"baselineCaps5Total": 34, "baselineAt": "2026-01-20T09:00:00Z", "pregnancyTestRequired": false,
                 "occurredAt": "2026-01-20T11:00:00Z"}""");
        assertThat(lowBaseline.status()).isEqualTo(422);
        assertThat(lowBaseline.body().get("type").asString())
                .isEqualTo("https://waypoint.example/problems/baseline-below-threshold");
        assertThat(lowBaseline.body().get("minCaps5Total").asInt()).isEqualTo(35);
        assertThat(count("enrollment", journeyId)).isZero();
        assertThat(get("/api/v1/journeys/" + journeyId).body().get("status").asString()).isEqualTo("CONSENTED");

        assertThat(post("/api/v1/journeys/" + journeyId + "/enrollment", """
                {"baselineCaps5Total": 35, "baselineAt": "2026-01-20T09:00:00Z", "pregnancyTestRequired": false,
                 "occurredAt": "2026-01-20T12:00:00Z"}""").status()).isEqualTo(201);
        List<SpecificRecord> events = topics.readJourney(Topic.INTAKE, journeyId, 5, WAIT);
        assertThat(TestTopics.types(events)).containsExactly("PatientReferred", "ScreeningRecorded",
                "EligibilityDetermined", "ConsentRecorded", "PatientEnrolled");
        assertThat(((PatientEnrolled) events.get(4)).getBaselineCaps5Total()).isEqualTo(35);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstResponseWithNoSecondEffect() {
        String site = "site-" + UUID.randomUUID();
        String body = referralBody(null, site);
        String key = UUID.randomUUID().toString();

        Reply first = post("/api/v1/referrals", body, key);
        Reply again = post("/api/v1/referrals", body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("SELECT count(*) FROM journey WHERE site_id = :site").param("site", site)
                .query(Long.class).single()).isEqualTo(1);

        Reply otherRequest = post("/api/v1/referrals", referralBody(null, "site-other"), key);
        assertThat(otherRequest.status()).isEqualTo(422);
        assertThat(otherRequest.body().get("type").asString())
                .isEqualTo("https://waypoint.example/problems/idempotency-key-reused");

        String journeyId = first.body().get("journeyId").asString();
        String screening = """
                {"ptsdDurationMonths": 12, "caps5Total": 50, "cssrs": %s, "occurredAt": "2026-01-12T09:00:00Z"}"""
                .formatted(NEGATIVE_CSSRS);
        String screeningKey = UUID.randomUUID().toString();
        Reply screened = post("/api/v1/journeys/" + journeyId + "/screening", screening, screeningKey);
        Reply screenedAgain = post("/api/v1/journeys/" + journeyId + "/screening", screening, screeningKey);
        assertThat(screenedAgain.body().get("screeningId")).isEqualTo(screened.body().get("screeningId"));
        assertThat(count("screening", journeyId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT scope FROM idempotent_request WHERE idempotency_key = :k")
                .param("k", screeningKey).query(String.class).single())
                .as("the route and its path variables")
                .isEqualTo("POST /api/v1/journeys/{journeyId}/screening journeyId=" + journeyId);
        assertThat(jdbc.sql("SELECT scope FROM idempotent_request WHERE idempotency_key = :k")
                .param("k", key).query(String.class).single()).isEqualTo("POST /api/v1/referrals");

        post("/api/v1/journeys/" + journeyId + "/withdrawal",
                "{\"reason\": \"PARTICIPANT_DECISION\", \"occurredAt\": \"2026-01-14T09:00:00Z\"}");
        assertThat(TestTopics.types(topics.readJourney(Topic.INTAKE, journeyId, 4, WAIT))).containsExactly(
                "PatientReferred", "ScreeningRecorded", "EligibilityDetermined", "JourneyWithdrawn");
    }

    @Test
    void aFrontDeskReferralOpensOneJourneyHoweverOftenItArrives() {
        String referralId = "fd-" + UUID.randomUUID();
        ReferralReceived referral = referralReceived(referralId);
        topics.send(Topic.FRONTDESK, referralId, referral);
        topics.send(Topic.FRONTDESK, referralId, referral);
        ReferralReceived resent = ReferralReceived.newBuilder(referral)
                .setEnvelope(frontdeskEnvelope(Instant.parse("2026-01-05T10:00:00Z"))).build();
        topics.send(Topic.FRONTDESK, referralId, resent);
        topics.send(Topic.FRONTDESK, referralId, PatientDetailsUpdated.newBuilder()
                .setEnvelope(frontdeskEnvelope(Instant.parse("2026-01-06T09:00:00Z")))
                .setReferralId(referralId).setEmail("new.address@example.org").build());

        await().atMost(WAIT).until(() -> "new.address@example.org".equals(jdbc.sql("""
                SELECT p.email FROM patient p JOIN journey j USING (journey_id) WHERE j.referral_id = :r""")
                .param("r", referralId).query(String.class).optional().orElse(null)));
        assertThat(jdbc.sql("SELECT count(*) FROM journey WHERE referral_id = :r").param("r", referralId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT p.given_name FROM patient p JOIN journey j USING (journey_id) "
                + "WHERE j.referral_id = :r").param("r", referralId).query(String.class).single())
                .isEqualTo(GIVEN_NAME);

        String journeyId = journeyOf(referralId).orElseThrow();
        post("/api/v1/journeys/" + journeyId + "/withdrawal",
                "{\"reason\": \"PARTICIPANT_DECISION\", \"occurredAt\": \"2026-01-14T09:00:00Z\"}");
        List<SpecificRecord> events = topics.readJourney(Topic.INTAKE, journeyId, 2, WAIT);
        assertThat(TestTopics.types(events)).containsExactly("PatientReferred", "JourneyWithdrawn");
        PatientReferred referred = (PatientReferred) events.getFirst();
        assertThat(referred.getReferralId()).isEqualTo(referralId);
        assertThat(referred.getEnvelope().getCausationId()).as("the front-desk record it was written for")
                .isEqualTo(referral.getEnvelope().getEventId().toString());
        assertThat(Events.envelopeOf(events.get(1)).getCausationId()).as("a REST command").isNull();
        assertThat(referred.getEnvelope().getOccurredAt()).isEqualTo(referral.getEnvelope().getOccurredAt());
    }

    @Test
    void garbageIsDeadLetteredWithItsOriginAndTheNextRecordIsStillProcessed() {
        String referralId = "fd-" + UUID.randomUUID();
        byte[] garbage = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        topics.sendRaw(Topic.FRONTDESK.topicName(), referralId, garbage);
        topics.send(Topic.FRONTDESK, referralId, referralReceived(referralId));

        List<ConsumerRecord<String, byte[]>> dead = topics.read(Topic.FRONTDESK.dlqName("intake-service"),
                r -> referralId.equals(r.key()), 1, WAIT);
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.getFirst();
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(header(letter, DeadLetters.STAGE_HEADER)).isEqualTo("deserialization");
        assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topic.FRONTDESK.topicName());
        assertThat(letter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        assertThat(header(letter, "kafka_dlt-exception-message")).contains("single-object");

        await().atMost(WAIT).until(() -> journeyOf(referralId).isPresent());
    }

    @Test
    void detailsForAnUnknownReferralAreDeadLetteredAsUnhandleable() {
        String referralId = "unknown-" + UUID.randomUUID();
        topics.send(Topic.FRONTDESK, referralId, PatientDetailsUpdated.newBuilder()
                .setEnvelope(frontdeskEnvelope(Instant.parse("2026-01-06T09:00:00Z")))
                .setReferralId(referralId).setPhone("+44 20 7946 0000").build());

        List<ConsumerRecord<String, byte[]>> dead = topics.read(Topic.FRONTDESK.dlqName("intake-service"),
                r -> referralId.equals(r.key()), 1, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(header(dead.getFirst(), DeadLetters.STAGE_HEADER)).isEqualTo("handling");
        assertThat(header(dead.getFirst(), "kafka_dlt-exception-message")).contains("No journey for referral");
        assertThat(header(dead.getFirst(), "kafka_dlt-exception-message")).doesNotContain("+44");
    }

    @Test
    void ageIsComputedOnTheDateAtTheSiteNotInUtc() {
        // 23:30 in New York on the eve of the 18th birthday; already the birthday in UTC
        String screening = """
                {"ptsdDurationMonths": 24, "caps5Total": 41, "cssrs": %s,
                 "occurredAt": "2026-03-15T03:30:00Z"}""".formatted(NEGATIVE_CSSRS);
        String inNewYork = referAdult("ny-clinic", LocalDate.of(2008, 3, 15));
        String inUtc = referAdult("utc-clinic", LocalDate.of(2008, 3, 15));

        Reply newYork = post("/api/v1/journeys/" + inNewYork + "/screening", screening);
        Reply utc = post("/api/v1/journeys/" + inUtc + "/screening", screening);

        assertThat(newYork.status()).isEqualTo(201);
        assertThat(newYork.body().get("eligible").asBoolean()).isFalse();
        assertThat(strings(newYork.body().get("reasons"))).containsExactly("AGE_BELOW_MINIMUM");
        assertThat(utc.body().get("eligible").asBoolean()).isTrue();
        assertThat(((ScreeningRecorded) topics.readJourney(Topic.INTAKE, inNewYork, 2, WAIT).get(1)).getAgeYears())
                .isEqualTo(17);
        assertThat(((ScreeningRecorded) topics.readJourney(Topic.INTAKE, inUtc, 2, WAIT).get(1)).getAgeYears())
                .isEqualTo(18);
    }

    @Test
    void aCommandThatHappensLaterThanTheClockAllowsIsRefusedAndChangesNothing() {
        String site = "future-" + UUID.randomUUID();
        Reply referral = post("/api/v1/referrals", referralBody(null, site)
                .replace("2026-01-05T09:00:00Z", Instant.now().plus(Duration.ofHours(1)).toString()));

        assertThat(referral.status()).isEqualTo(400);
        assertThat(referral.body().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("occurredAt");
        assertThat(jdbc.sql("SELECT count(*) FROM journey WHERE site_id = :site").param("site", site)
                .query(Long.class).single()).isZero();

        String journeyId = refer("site-1", null);
        Reply withdrawal = post("/api/v1/journeys/" + journeyId + "/withdrawal", "{\"reason\": \"PARTICIPANT_DECISION\","
                + " \"occurredAt\": \"" + Instant.now().plus(Duration.ofMinutes(10)) + "\"}");
        assertThat(withdrawal.status()).isEqualTo(400);
        assertThat(withdrawal.body().at("/errors/0/field").asString()).isEqualTo("occurredAt");
        assertThat(count("withdrawal", journeyId)).isZero();
        assertThat(post("/api/v1/journeys/" + journeyId + "/withdrawal", "{\"reason\": \"PARTICIPANT_DECISION\","
                + " \"occurredAt\": \"" + Instant.now().plus(Duration.ofMinutes(1)) + "\"}").status())
                .as("within the clock skew").isEqualTo(201);
    }

    @Test
    void anOverlongIdempotencyKeyIsAnInvalidRequestNamingTheHeader() {
        String site = "key-" + UUID.randomUUID();

        Reply reply = post("/api/v1/referrals", referralBody(null, site), "k".repeat(201));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("type").asString()).isEqualTo("https://waypoint.example/problems/invalid-request");
        assertThat(reply.body().at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
        assertThat(jdbc.sql("SELECT count(*) FROM journey WHERE site_id = :site").param("site", site)
                .query(Long.class).single()).isZero();
        assertThat(post("/api/v1/referrals", referralBody(null, site), "k".repeat(200)).status()).isEqualTo(201);
    }

    @Test
    void aFrontDeskReferralWhoseIdsAreNotCodesIsDeadLetteredWithoutRepeatingThem() {
        String key = "bad-" + UUID.randomUUID();
        String freeTextId = "Referral of " + GIVEN_NAME + " " + FAMILY_NAME;
        topics.send(Topic.FRONTDESK, key, ReferralReceived.newBuilder(referralReceived(key))
                .setReferralId(freeTextId).build());
        String badSiteKey = "bad-site-" + UUID.randomUUID();
        topics.send(Topic.FRONTDESK, badSiteKey, ReferralReceived.newBuilder(referralReceived(badSiteKey))
                .setSiteId("GP surgery of " + FAMILY_NAME).build());
        String badUpdateKey = "bad-update-" + UUID.randomUUID();
        topics.send(Topic.FRONTDESK, badUpdateKey, PatientDetailsUpdated.newBuilder()
                .setEnvelope(frontdeskEnvelope(Instant.parse("2026-01-06T09:00:00Z")))
                .setReferralId(GIVEN_NAME + " " + FAMILY_NAME).setPhone("+44 20 7946 0000").build());

        String dlq = Topic.FRONTDESK.dlqName("intake-service");
        ConsumerRecord<String, byte[]> referral = topics.read(dlq, r -> key.equals(r.key()), 1, WAIT).getFirst();
        ConsumerRecord<String, byte[]> site = topics.read(dlq, r -> badSiteKey.equals(r.key()), 1, WAIT).getFirst();
        ConsumerRecord<String, byte[]> update = topics.read(dlq, r -> badUpdateKey.equals(r.key()), 1, WAIT)
                .getFirst();
        assertThat(header(referral, "kafka_dlt-exception-message"))
                .contains("ReferralReceived refused: its referralId is not a code");
        assertThat(header(site, "kafka_dlt-exception-message"))
                .contains("ReferralReceived refused: its siteId is not a code");
        assertThat(header(update, "kafka_dlt-exception-message"))
                .contains("PatientDetailsUpdated refused: its referralId is not a code");
        for (ConsumerRecord<String, byte[]> letter : List.of(referral, site, update)) {
            assertThat(header(letter, DeadLetters.STAGE_HEADER)).isEqualTo("handling");
            assertThat(header(letter, "kafka_dlt-exception-message")).doesNotContain(GIVEN_NAME, FAMILY_NAME, "+44");
        }
        assertThat(journeyOf(freeTextId)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM journey WHERE referral_id = :r").param("r", badSiteKey)
                .query(Long.class).single()).isZero();
    }

    @Test
    void healthMetricsAndTheApiDescriptionAreServed() {
        assertThat(get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("waypoint_outbox_published");
        assertThat(get("/v3/api-docs").body().at("/paths").has("/api/v1/journeys/{journeyId}/screening")).isTrue();
    }

    private String refer(String siteId, String referralId) {
        Reply reply = post("/api/v1/referrals", referralBody(referralId, siteId));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("status").asString()).isEqualTo("REFERRED");
        return reply.body().get("journeyId").asString();
    }

    private String referAdult(String siteId, LocalDate birthDate) {
        Reply reply = post("/api/v1/referrals", referralBody(null, siteId).replace("1985-06-01", birthDate.toString()));
        assertThat(reply.status()).isEqualTo(201);
        return reply.body().get("journeyId").asString();
    }

    private static String referralBody(String referralId, String siteId) {
        return """
                {%s"siteId": "%s", "givenName": "%s", "familyName": "%s", "birthDate": "1985-06-01",
                 "email": "%s", "phone": "+44 20 7946 0018", "referrerName": "Dr Referrer",
                 "referralNote": "Nightmares since deployment", "occurredAt": "2026-01-05T09:00:00Z"}"""
                .formatted(referralId == null ? "" : "\"referralId\": \"" + referralId + "\", ", siteId, GIVEN_NAME,
                        FAMILY_NAME, EMAIL);
    }

    private static ReferralReceived referralReceived(String referralId) {
        return ReferralReceived.newBuilder()
                .setEnvelope(frontdeskEnvelope(Instant.parse("2026-01-05T08:30:00Z")))
                .setReferralId(referralId)
                .setSiteId("site-3")
                .setGivenName(GIVEN_NAME)
                .setFamilyName(FAMILY_NAME)
                .setBirthDate(LocalDate.of(1985, 6, 1))
                .setEmail(EMAIL)
                .build();
    }

    private static Envelope frontdeskEnvelope(Instant occurredAt) {
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(occurredAt)
                .setRecordedAt(occurredAt)
                .setSource("frontdesk-test")
                .setCorrelationId(UUID.randomUUID().toString())
                .build();
    }

    private Optional<String> journeyOf(String referralId) {
        return jdbc.sql("SELECT journey_id FROM journey WHERE referral_id = :r").param("r", referralId)
                .query(String.class).optional();
    }

    private long count(String table, String journeyId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE journey_id = :j").param("j", journeyId)
                .query(Long.class).single();
    }

    private Reply post(String path, String json) {
        return post(path, json, null);
    }

    private Reply post(String path, String json, String idempotencyKey) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(json)
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        response.bodyTo(JsonNode.class), response.getHeaders().getFirst("Idempotent-Replayed")));
    }

    private Reply get(String path) {
        return http.get().uri(path).exchange((request, response) -> new Reply(response.getStatusCode().value(),
                response.bodyTo(JsonNode.class), null));
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
