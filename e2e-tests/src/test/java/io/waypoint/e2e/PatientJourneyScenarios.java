package io.waypoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.followup.JourneyCompleted;
import io.waypoint.events.followup.ObligationMet;
import io.waypoint.events.frontdesk.ReferralReceived;
import io.waypoint.events.intake.EligibilityDetermined;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.events.notifications.TherapistNotificationIssued;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DoseKind;
import io.waypoint.events.scheduling.DosingSessionCompleted;
import io.waypoint.events.scheduling.SessionCompleted;
import io.waypoint.events.scheduling.SessionKind;
import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.localstack.demo.Api.Notification;
import io.waypoint.localstack.demo.ApiClient;
import io.waypoint.localstack.demo.ApiException;
import io.waypoint.localstack.demo.DemoJourney;
import io.waypoint.localstack.demo.DemoPlan;
import io.waypoint.localstack.demo.Printouts;
import io.waypoint.platform.test.TestTopics;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Events;
import io.waypoint.schemas.Topic;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * One patient from referral to a completed journey across the three services, as separate processes on one real
 * broker; plus the ineligible path and a poison record. Every assertion reads what a Kafka client or a clinic's
 * system would see: the Avro records on the topics and the REST answers. A subclass says which broker and
 * PostgreSQL the services run on; the scenarios are the same on each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PatientJourneyScenarios {

    private static final Duration ASYNC = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(4);

    private final EventCodec codec = new EventCodec();
    private WaypointStack waypoint;
    private TestTopics topics;
    private ApiClient intake;
    private ApiClient followup;

    /** The three services on this class's broker and PostgreSQL; called once, before the scenarios. */
    protected abstract WaypointStack startWaypoint();

    @BeforeAll
    void startStack() {
        waypoint = startWaypoint();
        topics = new TestTopics(waypoint.bootstrapServers());
        HttpClient http = HttpClient.newHttpClient();
        intake = new ApiClient("intake-service", waypoint.endpoints().intake(), http, Duration.ofSeconds(30));
        followup = new ApiClient("followup-service", waypoint.endpoints().followup(), http, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopWaypoint() {
        if (topics != null) {
            topics.destroy();
        }
        if (waypoint != null) {
            waypoint.close();
        }
    }

    /** Operations see every consumer of every running service, each bound to its catalogue topics. */
    @Test
    void everyRunningServiceListsItsConsumerBindings() {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Map<String, List<String>>> expected = Map.of(
                "intake-service", Map.of("frontdesk-in-0", List.of(Topic.FRONTDESK.topicName())),
                "scheduling-service", Map.of(
                        "intake-in-0", List.of(Topic.INTAKE.topicName()),
                        "visits-in-0", List.of(Topic.FRONTDESK_VISITS.topicName()),
                        "followupEvents-in-0", List.of(Topic.FOLLOWUP.topicName())),
                "followup-service", Map.of("journeyEvents-in-0", java.util.Arrays.stream(Topic.values())
                        .filter(topic -> !topic.identifying()).map(Topic::topicName).toList()));
        expected.forEach((service, bindings) -> {
            ApiClient client = new ApiClient(service, waypoint.baseUri(service), http, Duration.ofSeconds(30));
            Map<String, JsonNode> listed = new LinkedHashMap<>();
            client.get("/actuator/bindings").forEach(binding -> listed.put(binding.get("bindingName").asText(), binding));
            assertThat(listed.keySet()).as(service).containsExactlyInAnyOrderElementsOf(bindings.keySet());
            bindings.forEach((name, topics) -> {
                JsonNode binding = listed.get(name);
                assertThat(binding.get("state").asText()).as(name).isEqualTo("running");
                assertThat(binding.get("group").asText()).as(name).isEqualTo(service);
                assertThat(List.of(binding.get("name").asText().split(","))).as(name)
                        .containsExactlyInAnyOrderElementsOf(topics);
            });
        });
    }

    @Test
    void aDemoPatientGoesFromReferralToACompletedJourney() {
        DemoPlan plan = DemoPlan.load();
        DemoJourney.Result result = new DemoJourney(waypoint.endpoints(), plan, Clock.systemUTC(), ASYNC,
                line -> System.out.println("[demo] " + line)).run();
        String journeyId = result.journeyId();
        assertThat(result.finalStage()).isEqualTo("COMPLETED");

        // intake: the exact ordered story, no identifying data
        List<ConsumerRecord<String, byte[]>> intakeRecords = journeyRecords(Topic.INTAKE, journeyId);
        assertThat(types(intakeRecords)).containsExactly("PatientReferred", "ScreeningRecorded",
                "EligibilityDetermined", "ConsentRecorded", "PatientEnrolled");
        for (ConsumerRecord<String, byte[]> record : intakeRecords) {
            String bytes = new String(record.value(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(plan.patient().familyName(), plan.patient().email(),
                    plan.patient().phone());
        }

        // scheduling: the exact ordered story the demo drove, derived from its plan
        List<ConsumerRecord<String, byte[]>> schedulingRecords = journeyRecords(Topic.SCHEDULING, journeyId);
        assertThat(types(schedulingRecords)).containsExactlyElementsOf(expectedSchedulingTypes(plan));
        List<SpecificRecord> scheduling = decode(schedulingRecords);

        // one care team, the same two therapists on every session
        List<CareTeamAssigned> teams = ofType(scheduling, CareTeamAssigned.class);
        assertThat(teams).hasSize(1);
        CareTeamAssigned team = teams.getFirst();
        assertThat(team.getLeadTherapistId()).isEqualTo(result.careTeam().leadTherapistId());
        List<SessionScheduled> sessions = ofType(scheduling, SessionScheduled.class);
        assertThat(sessions).hasSize(3 + 3 + 9);
        assertThat(sessions).allSatisfy(s -> assertThat(s.getTherapistIds())
                .containsExactlyInAnyOrder(team.getLeadTherapistId(), team.getCoTherapistId()));

        // dosing sessions inside the 21-35 day window; integration 1 within 24 h of each initial dose
        Map<Integer, Instant> initialDoses = new LinkedHashMap<>();
        ofType(scheduling, DoseAdministered.class).stream().filter(d -> d.getDoseKind() == DoseKind.INITIAL)
                .forEach(d -> initialDoses.put(d.getDosingNumber(), d.getEnvelope().getOccurredAt()));
        assertThat(initialDoses).containsOnlyKeys(1, 2, 3);
        for (int n = 2; n <= 3; n++) {
            long days = ChronoUnit.DAYS.between(initialDoses.get(n - 1), initialDoses.get(n));
            assertThat(days).as("days between dosing %d and %d", n - 1, n).isBetween(21L, 35L);
        }
        for (SessionScheduled integration : sessions) {
            if (integration.getKind() == SessionKind.INTEGRATION && integration.getSequence() == 1) {
                Instant dose = initialDoses.get(integration.getDosingNumber());
                assertThat(integration.getStart()).isAfter(dose);
                assertThat(Duration.between(dose, integration.getStart())).isLessThanOrEqualTo(Duration.ofHours(24));
            }
        }
        assertThat(ofType(scheduling, DosingSessionCompleted.class)).hasSize(3);
        assertThat(ofType(scheduling, SessionCompleted.class))
                .filteredOn(s -> s.getKind() == SessionKind.INTEGRATION).hasSize(9);

        // follow-up: obligations opened and met, the journey completed once, last
        List<ConsumerRecord<String, byte[]>> followupRecords = journeyRecords(Topic.FOLLOWUP, journeyId);
        assertThat(types(followupRecords)).containsExactlyElementsOf(FollowupExpectations.types(plan));
        List<ObligationMet> met = ofType(decode(followupRecords), ObligationMet.class);
        assertThat(met).extracting(ObligationMet::getKind).containsExactly("INTEGRATION_1_WITHIN_24H",
                "INTEGRATION_1_WITHIN_24H", "INTEGRATION_1_WITHIN_24H", "PRIMARY_OUTCOME_ASSESSMENT",
                "LONG_TERM_FOLLOWUP_6M", "LONG_TERM_FOLLOWUP_12M");
        assertThat(met).allSatisfy(m -> assertThat(m.getOnTime()).as("%s on time", m.getKind()).isTrue());
        assertThat(ofType(decode(followupRecords), JourneyCompleted.class)).singleElement()
                .satisfies(done -> {
                    assertThat(done.getDosingSessions()).isEqualTo(3);
                    assertThat(done.getIntegrationSessions()).isEqualTo(9);
                });

        // notifications to both therapists, and their inboxes
        List<TherapistNotificationIssued> issued = ofType(decode(topics.read(Topic.NOTIFICATIONS.topicName(),
                        r -> journeyId.equals(Events.envelopeOf(codec.decode(r.value())).getJourneyId()),
                        Integer.MAX_VALUE, QUIET)), TherapistNotificationIssued.class);
        Printouts printouts = new Printouts(waypoint.endpoints().followup(), line -> System.out.println("[inbox] " + line));
        for (String therapist : List.of(team.getLeadTherapistId(), team.getCoTherapistId())) {
            List<String> kinds = issued.stream().filter(n -> n.getTherapistId().equals(therapist))
                    .map(n -> n.getKind().name()).toList();
            assertThat(kinds).containsExactly("CARE_TEAM_ASSIGNED", "DOSE_COMPLETED", "ADVERSE_EVENT",
                    "DOSE_COMPLETED", "DOSE_COMPLETED");
            List<Notification> inbox = printouts.inbox(therapist).stream()
                    .filter(n -> journeyId.equals(n.journeyId())).toList();
            assertThat(inbox).extracting(Notification::kind)
                    .containsExactlyInAnyOrder("CARE_TEAM_ASSIGNED", "DOSE_COMPLETED", "ADVERSE_EVENT",
                            "DOSE_COMPLETED", "DOSE_COMPLETED");
            assertThat(inbox).allSatisfy(n -> assertThat(n.title()).doesNotContain(plan.patient().familyName(),
                    plan.patient().givenName()));
        }

        // every record carries the CloudEvents binary-mode headers, matching its envelope
        for (ConsumerRecord<String, byte[]> record : concat(intakeRecords, schedulingRecords, followupRecords)) {
            SpecificRecord event = codec.decode(record.value());
            Envelope envelope = Events.envelopeOf(event);
            assertThat(header(record, "ce_id")).isEqualTo(envelope.getEventId().toString());
            assertThat(header(record, "ce_type")).isEqualTo(event.getSchema().getFullName());
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_subject")).isEqualTo(journeyId);
            assertThat(header(record, "ce_source")).isEqualTo(envelope.getSource());
            assertThat(header(record, "ce_time")).isNotBlank();
        }
    }

    @Test
    void aPatientBelowTheCaps5ThresholdIsIneligibleWithReasonsAndNothingIsScheduled() {
        JsonNode referral = intake.post("/api/v1/referrals", Map.of(
                "siteId", "demo-clinic", "givenName", "Robin", "familyName", "Belowthreshold",
                "birthDate", LocalDate.of(1990, 5, 1).toString(), "occurredAt", Instant.now().minus(Duration.ofDays(9)).toString()));
        String journeyId = referral.path("journeyId").asString();
        JsonNode screening = intake.post("/api/v1/journeys/" + journeyId + "/screening", Map.of(
                "ptsdDurationMonths", 24, "caps5Total", 30,
                "cssrs", Map.of("wishToBeDead", false, "activeThoughts", false, "methodThoughts", false,
                        "intent", false, "planWithIntent", false, "recentBehaviour", false),
                "exclusionCodes", List.of(), "medicationClasses", List.of(),
                "occurredAt", Instant.now().minus(Duration.ofDays(8)).toString()));
        assertThat(screening.path("eligible").asBoolean(true)).isFalse();
        assertThat(screening.path("reasons").toString()).contains("CAPS5_BELOW_THRESHOLD");

        assertThatThrownBy(() -> intake.post("/api/v1/journeys/" + journeyId + "/consent", Map.of(
                "consentFormVersion", "MAPP1-ICF-5.0", "overnightStayAgreed", true, "recordingAgreed", true,
                "occurredAt", Instant.now().minus(Duration.ofDays(7)).toString())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.body()).contains("problems/not-eligible");
                });

        List<ConsumerRecord<String, byte[]>> intakeRecords = journeyRecords(Topic.INTAKE, journeyId);
        assertThat(types(intakeRecords)).containsExactly("PatientReferred", "ScreeningRecorded",
                "EligibilityDetermined");
        EligibilityDetermined decision = (EligibilityDetermined) codec.decode(intakeRecords.getLast().value());
        assertThat(decision.getEligible()).isFalse();
        assertThat(decision.getReasons()).contains("CAPS5_BELOW_THRESHOLD");

        // followup has seen the decision (so scheduling, reading the same topic, has had its chance too)
        JsonNode stage = org.awaitility.Awaitility.await().atMost(ASYNC).until(
                () -> followup.find("/api/v1/journeys/" + journeyId).orElse(null),
                node -> node != null && "INELIGIBLE".equals(node.path("stage").asString()));
        assertThat(stage.path("completed").asBoolean(true)).isFalse();
        assertThat(journeyRecords(Topic.SCHEDULING, journeyId)).isEmpty();
    }

    @Test
    void garbageOnTheReferralTopicIsDeadLetteredAndTheReferralsAfterItStillFlow() {
        String garbageKey = "garbage-" + UUID.randomUUID();
        byte[] garbage = "{\"this\": \"is not an Avro record\"}".getBytes(StandardCharsets.UTF_8);
        topics.sendRaw(Topic.FRONTDESK.topicName(), garbageKey, garbage);

        String referralId = "fd-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        topics.send(Topic.FRONTDESK, referralId, ReferralReceived.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID()).setJourneyId(null)
                        .setOccurredAt(now.minus(Duration.ofDays(1))).setRecordedAt(now).setProtocol(null)
                        .setSource("front-desk-e2e").setCorrelationId(referralId).setCausationId(null).build())
                .setReferralId(referralId).setSiteId("demo-clinic").setGivenName("Sam").setFamilyName("Afterpoison")
                .setBirthDate(LocalDate.of(1979, 2, 3)).setEmail(null).setPhone(null).setReferrerName(null)
                .setReferrerOrganisation(null).setReferralNote(null).build());

        List<ConsumerRecord<String, byte[]>> dead = topics.read(
                Topic.FRONTDESK.dlqName("intake-service"), r -> garbageKey.equals(r.key()), 1, ASYNC);
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topic.FRONTDESK.topicName());
            assertThat(header(letter, "kafka_dlt-original-partition")).isNotNull();
            assertThat(header(letter, "kafka_dlt-original-offset")).isNotNull();
            assertThat(header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(header(letter, "kafka_dlt-exception-message")).isNotBlank();
            assertThat(header(letter, "waypoint-dlq-stage")).isEqualTo("deserialization");
            assertThat(header(letter, "waypoint-dlq-origin")).startsWith(Topic.FRONTDESK.topicName() + "-");
        });

        List<ConsumerRecord<String, byte[]>> referred = topics.read(Topic.INTAKE.topicName(),
                r -> codec.decode(r.value()) instanceof PatientReferred p && referralId.equals(p.getReferralId()),
                1, ASYNC);
        assertThat(referred).hasSize(1);
    }

    // ---- expectations ---------------------------------------------------------------------------------------

    /** What scheduling-service publishes for the demo's course, in order, from the plan the demo follows. */
    static List<String> expectedSchedulingTypes(DemoPlan plan) {
        List<String> types = new ArrayList<>();
        types.add("CareTeamAssigned");
        types.addAll(Collections.nCopies(4, "SessionScheduled"));            // 3 preparatory + dosing 1
        for (int i = 0; i < 3; i++) {
            types.addAll(List.of("SessionCheckedIn", "SessionCompleted"));
        }
        DemoPlan.Dosing dosing = plan.dosing();
        Instant start = Instant.EPOCH;
        Instant supplementalAt = dosing.supplementalAfterStart().after(start);
        for (int n = 1; n <= plan.dosingSessions(); n++) {
            types.addAll(List.of("SessionCheckedIn", "PreDoseCheckRecorded", "DoseAdministered"));
            boolean supplemental = false;
            for (DemoPlan.Checkpoint checkpoint : dosing.vitals()) {
                if (!supplemental && checkpoint.afterStart().after(start).isAfter(supplementalAt)) {
                    types.add("DoseAdministered");
                    supplemental = true;
                }
                types.add("VitalSignsRecorded");
            }
            if (!supplemental) {
                types.add("DoseAdministered");
            }
            types.add("DosingSessionCompleted");
            int booked = plan.integrationSessionsPerDosing() + (n < plan.dosingSessions() ? 1 : 0);
            types.addAll(Collections.nCopies(booked, "SessionScheduled"));
            for (int i = 0; i < plan.integrationSessionsPerDosing(); i++) {
                types.addAll(List.of("SessionCheckedIn", "SessionCompleted"));
            }
        }
        return types;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** Every record of one journey on a topic, in log order; waits until no more arrive for a moment. */
    private List<ConsumerRecord<String, byte[]>> journeyRecords(Topic topic, String journeyId) {
        Predicate<ConsumerRecord<String, byte[]>> ofJourney = r -> journeyId.equals(r.key());
        return topics.read(topic.topicName(), ofJourney, Integer.MAX_VALUE, QUIET);
    }

    private List<SpecificRecord> decode(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> codec.decode(r.value())).toList();
    }

    private List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return decode(records).stream().map(Events::type).toList();
    }

    private static <T> List<T> ofType(List<SpecificRecord> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
