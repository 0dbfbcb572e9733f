package io.waypoint.followup.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.followup.CheckInRecorded;
import io.waypoint.events.followup.JourneyCompleted;
import io.waypoint.events.followup.ObligationMet;
import io.waypoint.events.followup.ObligationOpened;
import io.waypoint.events.followup.ObligationOverdue;
import io.waypoint.events.followup.OutcomeAssessmentRecorded;
import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
import io.waypoint.events.notifications.DeliveryChannel;
import io.waypoint.events.notifications.NotificationDelivered;
import io.waypoint.events.notifications.NotificationKind;
import io.waypoint.events.notifications.TherapistNotificationIssued;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DoseKind;
import io.waypoint.followup.app.OverdueScan;
import io.waypoint.followup.app.SessionReminders;
import io.waypoint.platform.test.TestTopics;
import io.waypoint.platform.test.WaypointServiceTest;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Events;
import io.waypoint.schemas.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service with its bindings: real Avro bytes in from intake and scheduling, real Avro bytes out on
 * waypoint.followup.v1 and waypoint.notifications.v1, REST and the inbox stream over HTTP, a test clock for the
 * time-driven jobs.
 */
@WaypointServiceTest
@Import(FollowupServiceIntegrationTest.TestClock.class)
@TestPropertySource(properties = {
        "waypoint.followup.overdue-scan.interval=PT1H",
        "waypoint.followup.overdue-scan.grace=PT15M",
        "waypoint.followup.reminders.interval=PT1H",
        "waypoint.followup.reminders.lead-time=PT24H"})
class FollowupServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(START);
        }
    }

    @Autowired TestTopics topics;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @Autowired OverdueScan overdueScan;
    @Autowired SessionReminders reminders;
    @LocalServerPort int port;

    private Http http;

    @BeforeEach
    void client() {
        http = Http.at(port);
    }

    @Test
    void aJourneysKeyEventsOpenAndMeetObligationsNotifyTheCareTeamAndFillTheTimeline() throws Exception {
        JourneyEvents journey = JourneyEvents.newJourney();
        String id = journey.journeyId();
        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpClient sse = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try {
            sse.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/therapists/"
                                    + journey.lead() + "/inbox/stream")).header("Accept", "text/event-stream").build(),
                            HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(streamed::add));
            // the stream says it is open once it is registered for the therapist
            await().atMost(WAIT).until(() -> streamed.stream().anyMatch(line -> line.contains("inbox stream open")));

            Instant baseline = Instant.parse("2026-01-05T09:00:00Z");
            Instant initialDose = Instant.parse("2026-02-23T09:00:00Z");
            DoseAdministered initial = journey.dose(1, DoseKind.INITIAL, "80.00", initialDose);
            topics.send(Topic.INTAKE, id, journey.enrolled(baseline, baseline.plusSeconds(3600)));
            CareTeamAssigned careTeam = journey.careTeam(baseline.plusSeconds(7200));
            topics.send(Topic.SCHEDULING, id, careTeam);
            topics.send(Topic.SCHEDULING, id, initial);
            topics.send(Topic.SCHEDULING, id, journey.dose(1, DoseKind.SUPPLEMENTAL, "40.00",
                    initialDose.plus(Duration.ofMinutes(105))));
            topics.send(Topic.SCHEDULING, id, journey.dosingCompleted(1, initialDose.plus(Duration.ofHours(8))));
            // exactly 24 h after the initial dose: on time
            topics.send(Topic.SCHEDULING, id, journey.integrationCompleted(1, 1, initialDose.plus(Duration.ofHours(24))));

            // intake and scheduling are different topics: their events may be handled in either order
            List<SpecificRecord> followup = topics.readJourney(Topic.FOLLOWUP, id, 3, WAIT);
            assertThat(TestTopics.types(followup)).containsExactlyInAnyOrder("ObligationOpened", "ObligationOpened",
                    "ObligationMet");
            ObligationOpened primary = opened(followup, "PRIMARY_OUTCOME_ASSESSMENT");
            assertThat(primary.getDueAt()).isEqualTo(Instant.parse("2026-05-25T09:00:00Z"));
            ObligationOpened integration = opened(followup, "INTEGRATION_1_WITHIN_24H");
            assertThat(integration.getDueAt()).isEqualTo(Instant.parse("2026-02-24T09:00:00Z"));
            assertThat(integration.getCauseEventId()).isEqualTo(initial.getEnvelope().getEventId().toString());
            assertThat(integration.getEnvelope().getCausationId()).isEqualTo(integration.getCauseEventId());
            assertThat(integration.getEnvelope().getSource()).isEqualTo("followup-service");
            ObligationMet met = (ObligationMet) followup.stream().filter(ObligationMet.class::isInstance)
                    .findFirst().orElseThrow();
            assertThat(followup.indexOf(met)).isGreaterThan(followup.indexOf(integration));
            assertThat(met.getObligationId()).isEqualTo(integration.getObligationId());
            assertThat(met.getKind()).isEqualTo("INTEGRATION_1_WITHIN_24H");
            assertThat(met.getOnTime()).isTrue();

            // both therapists: TherapistNotificationIssued then NotificationDelivered (INBOX), keyed by therapist
            EventCodec codec = new EventCodec();
            List<SpecificRecord> leadNotifications = topics.read(Topic.NOTIFICATIONS.topicName(),
                    r -> journey.lead().equals(r.key()), 4, WAIT).stream().map(r -> codec.decode(r.value())).toList();
            assertThat(TestTopics.types(leadNotifications)).containsExactly("TherapistNotificationIssued",
                    "NotificationDelivered", "TherapistNotificationIssued", "NotificationDelivered");
            TherapistNotificationIssued assigned = (TherapistNotificationIssued) leadNotifications.get(0);
            assertThat(assigned.getKind()).isEqualTo(NotificationKind.CARE_TEAM_ASSIGNED);
            assertThat(assigned.getTitle()).doesNotContain(id).contains(id.substring(0, 8));
            NotificationDelivered delivered = (NotificationDelivered) leadNotifications.get(1);
            assertThat(delivered.getNotificationId()).isEqualTo(assigned.getNotificationId());
            assertThat(delivered.getChannel()).isEqualTo(DeliveryChannel.INBOX);
            // one causation rule: every event written while CareTeamAssigned was handled names it as its cause
            String careTeamEventId = careTeam.getEnvelope().getEventId().toString();
            assertThat(assigned.getEnvelope().getCausationId()).isEqualTo(careTeamEventId);
            assertThat(delivered.getEnvelope().getCausationId()).isEqualTo(careTeamEventId);
            assertThat(delivered.getEnvelope().getCorrelationId()).isEqualTo(id);
            assertThat(((TherapistNotificationIssued) leadNotifications.get(2)).getKind())
                    .isEqualTo(NotificationKind.DOSE_COMPLETED);

            // the inbox over REST, for both therapists; acknowledging twice keeps the first time
            for (String therapist : List.of(journey.lead(), journey.co())) {
                List<JsonNode> inbox = list(http.get("/api/v1/therapists/" + therapist + "/inbox").body());
                assertThat(inbox).extracting(n -> n.get("kind").asString())
                        .containsExactlyInAnyOrder("CARE_TEAM_ASSIGNED", "DOSE_COMPLETED");
                assertThat(inbox).allSatisfy(n -> {
                    assertThat(n.get("journeyId").asString()).isEqualTo(id);
                    assertThat(n.get("title").asString()).doesNotContain(id);
                });
            }
            String ackPath = "/api/v1/therapists/" + journey.lead() + "/inbox/" + assigned.getNotificationId()
                    + "/acknowledgement";
            Http.Response first = http.post(ackPath, "");
            assertThat(first.status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(1));
            Http.Response again = http.post(ackPath, "");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().get("acknowledgedAt")).isEqualTo(first.body().get("acknowledgedAt"));
            assertThat(list(http.get("/api/v1/therapists/" + journey.lead() + "/inbox?unacknowledgedOnly=true").body()))
                    .extracting(n -> n.get("kind").asString()).containsExactly("DOSE_COMPLETED");
            assertThat(http.post("/api/v1/therapists/" + journey.co() + "/inbox/" + assigned.getNotificationId()
                    + "/acknowledgement", "").status()).isEqualTo(404);

            // the open stream got the notifications as they were issued
            await().atMost(WAIT).untilAsserted(() -> assertThat(streamed)
                    .anySatisfy(line -> assertThat(line).startsWith("data:").contains("CARE_TEAM_ASSIGNED").contains(id))
                    .anySatisfy(line -> assertThat(line).startsWith("data:").contains("DOSE_COMPLETED"))
                    .contains("event:notification"));
        } finally {
            // close() would wait for the never-ending stream
            sse.shutdownNow();
        }

        // the timeline holds every consumed event, this service's own included, in occurrence order
        await().atMost(WAIT).untilAsserted(() -> assertThat(list(http.get("/api/v1/journeys/" + id + "/timeline").body()))
                .extracting(n -> n.get("type").asString())
                .contains("PatientEnrolled", "CareTeamAssigned", "DoseAdministered", "DosingSessionCompleted",
                        "SessionCompleted", "ObligationOpened", "ObligationMet", "TherapistNotificationIssued",
                        "NotificationDelivered"));
        List<JsonNode> timeline = list(http.get("/api/v1/journeys/" + id + "/timeline").body());
        assertThat(timeline).extracting(n -> n.get("summary").asString())
                .contains("Dose 80.00 mg (INITIAL), dosing session 1", "Dose 40.00 mg (SUPPLEMENTAL), dosing session 1",
                        "Integration session 1 (dosing 1) completed");
        assertThat(timeline).extracting(n -> Instant.parse(n.get("occurredAt").asString())).isSorted();
        assertThat(timeline).filteredOn(n -> n.get("type").asString().equals("PatientEnrolled")).singleElement()
                .satisfies(n -> assertThat(n.get("topic").asString()).isEqualTo("waypoint.intake.v1"));

        JsonNode state = http.get("/api/v1/journeys/" + id).body();
        assertThat(state.get("stage").asString()).isEqualTo("INTEGRATION_1");
        assertThat(state.get("stageSince").asString()).isEqualTo("2026-02-23T17:00:00Z");
        assertThat(state.get("completed").asBoolean()).isFalse();
        assertThat(list(http.get("/api/v1/journeys?stage=INTEGRATION_1").body()))
                .filteredOn(n -> n.get("journeyId").asString().equals(id)).singleElement()
                .satisfies(n -> assertThat(n.get("ageInStageSeconds").asLong()).isPositive());

        List<JsonNode> obligations = list(http.get("/api/v1/journeys/" + id + "/obligations").body());
        assertThat(obligations).extracting(n -> n.get("kind").asString() + ":" + n.get("status").asString())
                .containsExactly("INTEGRATION_1_WITHIN_24H:MET", "PRIMARY_OUTCOME_ASSESSMENT:OPEN");
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        JourneyEvents journey = JourneyEvents.newJourney();
        String id = journey.journeyId();
        CareTeamAssigned careTeam = journey.careTeam(Instant.parse("2026-02-01T10:00:00Z"));
        DoseAdministered dose = journey.dose(1, DoseKind.INITIAL, "80.00", clock.instant().minus(Duration.ofHours(2)));
        topics.send(Topic.SCHEDULING, id, careTeam);
        topics.send(Topic.SCHEDULING, id, careTeam);
        topics.send(Topic.SCHEDULING, id, dose);
        topics.send(Topic.SCHEDULING, id, dose);
        topics.send(Topic.SCHEDULING, id, journey.integrationCompleted(1, 2, clock.instant()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(timelineTypes(id)).contains("SessionCompleted"));
        assertThat(timelineTypes(id)).filteredOn("CareTeamAssigned"::equals).hasSize(1);
        assertThat(timelineTypes(id)).filteredOn("DoseAdministered"::equals).hasSize(1);
        assertThat(list(http.get("/api/v1/journeys/" + id + "/obligations").body())).hasSize(1);
        assertThat(list(http.get("/api/v1/therapists/" + journey.lead() + "/inbox").body())).hasSize(1);
        assertThat(TestTopics.types(topics.readJourney(Topic.FOLLOWUP, id, 2, Duration.ofSeconds(5))))
                .containsExactly("ObligationOpened");
    }

    @Test
    void anObligationPastItsDeadlineIsFlaggedOverdueOnlyOnceKnownForTheGraceAndCanStillBeMetLate() {
        JourneyEvents journey = JourneyEvents.newJourney();
        String id = journey.journeyId();
        Instant now = clock.instant();
        // a backfilled journey: the first integration session was due six hours ago
        topics.send(Topic.SCHEDULING, id, journey.careTeam(now.minus(Duration.ofDays(3))));
        topics.send(Topic.SCHEDULING, id, journey.dose(1, DoseKind.INITIAL, "80.00", now.minus(Duration.ofHours(30))));
        await().atMost(WAIT).until(() -> obligationStatuses(id).equals(List.of("OPEN")));

        overdueScan.scan();
        assertThat(obligationStatuses(id)).containsExactly("OPEN");

        clock.advance(Duration.ofMinutes(15));
        overdueScan.scan();
        assertThat(obligationStatuses(id)).containsExactly("OVERDUE");
        List<SpecificRecord> followup = topics.readJourney(Topic.FOLLOWUP, id, 2, WAIT);
        assertThat(TestTopics.types(followup)).containsExactly("ObligationOpened", "ObligationOverdue");
        assertThat(((ObligationOverdue) followup.get(1)).getDueAt()).isEqualTo(now.minus(Duration.ofHours(6)));
        for (String therapist : List.of(journey.lead(), journey.co())) {
            assertThat(list(http.get("/api/v1/therapists/" + therapist + "/inbox").body()))
                    .filteredOn(n -> n.get("kind").asString().equals("OBLIGATION_OVERDUE")).singleElement()
                    .satisfies(n -> {
                        assertThat(n.get("priority").asString()).isEqualTo("URGENT");
                        assertThat(n.get("title").asString()).contains("INTEGRATION_1_WITHIN_24H").doesNotContain(id);
                    });
        }
        assertThat(list(http.get("/api/v1/journeys/stuck").body())).extracting(n -> n.get("journeyId").asString())
                .contains(id);

        overdueScan.scan();
        assertThat(topics.readJourney(Topic.FOLLOWUP, id, 3, Duration.ofSeconds(3))).hasSize(2);

        topics.send(Topic.SCHEDULING, id, journey.integrationCompleted(1, 1, now.minus(Duration.ofHours(2))));
        List<SpecificRecord> late = topics.readJourney(Topic.FOLLOWUP, id, 3, WAIT);
        assertThat(late.get(2)).isInstanceOfSatisfying(ObligationMet.class, m -> assertThat(m.getOnTime()).isFalse());
        assertThat(obligationStatuses(id)).containsExactly("MET");
    }

    @Test
    void theCareTeamIsRemindedOnceOfASessionStartingWithinTheLeadTimeAndNeverOfOneAlreadyStarted() {
        JourneyEvents journey = JourneyEvents.newJourney();
        String id = journey.journeyId();
        Instant now = clock.instant();
        String soon = "soon-" + id;
        topics.send(Topic.SCHEDULING, id, journey.careTeam(now.minus(Duration.ofDays(10))));
        topics.send(Topic.SCHEDULING, id, journey.integrationScheduled(soon, 1, 2, now.plus(Duration.ofHours(20))));
        topics.send(Topic.SCHEDULING, id, journey.integrationScheduled("later-" + id, 1, 3,
                now.plus(Duration.ofHours(30))));
        topics.send(Topic.SCHEDULING, id, journey.integrationScheduled("started-" + id, 1, 1,
                now.minus(Duration.ofHours(1))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(timelineTypes(id))
                .filteredOn("SessionScheduled"::equals).hasSize(3));

        reminders.run();
        reminders.run();

        for (String therapist : List.of(journey.lead(), journey.co())) {
            assertThat(list(http.get("/api/v1/therapists/" + therapist + "/inbox").body()))
                    .filteredOn(n -> n.get("kind").asString().equals("SESSION_TOMORROW")).singleElement()
                    .satisfies(n -> {
                        assertThat(n.get("appointmentId").asString()).isEqualTo(soon);
                        assertThat(Instant.parse(n.get("dueAt").asString())).isEqualTo(now.plus(Duration.ofHours(20)));
                        assertThat(n.get("title").asString()).startsWith("Integration session 2 after dosing 1");
                    });
        }
    }

    @Test
    void aCheckInWithSelfHarmThoughtsPlacesASafetyHoldThatAClinicianReleases() {
        JourneyEvents journey = JourneyEvents.newJourney();
        String id = journey.journeyId();
        Instant now = clock.instant();
        topics.send(Topic.INTAKE, id, journey.enrolled(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(59))));
        topics.send(Topic.SCHEDULING, id, journey.careTeam(now.minus(Duration.ofDays(58))));
        topics.send(Topic.SCHEDULING, id, journey.dose(1, DoseKind.INITIAL, "80.00", now.minus(Duration.ofHours(2))));
        await().atMost(WAIT).until(() -> "DOSING_1".equals(stageOf(id)));

        Http.Response calm = http.post("/api/v1/journeys/" + id + "/check-ins", checkIn(0, now));
        assertThat(calm.status()).isEqualTo(201);
        assertThat(calm.body().get("safetyHoldPlaced").asBoolean()).isFalse();

        Map<String, String> key = Map.of("Idempotency-Key", "check-in-" + id);
        Http.Response alarming = http.post("/api/v1/journeys/" + id + "/check-ins", checkIn(1, now), key);
        assertThat(alarming.status()).isEqualTo(201);
        assertThat(alarming.body().get("safetyHoldPlaced").asBoolean()).isTrue();
        assertThat(list(alarming.body().get("safetyReasons"))).extracting(JsonNode::asString)
                .containsExactly("PHQ9_ITEM9_POSITIVE");
        Http.Response repeated = http.post("/api/v1/journeys/" + id + "/check-ins", checkIn(1, now), key);
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.body().get("checkInId")).isEqualTo(alarming.body().get("checkInId"));
        assertThat(jdbc.sql("SELECT scope FROM idempotent_request WHERE idempotency_key = :key")
                .param("key", "check-in-" + id).query(String.class).single())
                .isEqualTo("POST /api/v1/journeys/{journeyId}/check-ins journeyId=" + id);

        JsonNode held = http.get("/api/v1/journeys/" + id).body();
        assertThat(held.get("stage").asString()).isEqualTo("ON_HOLD");
        assertThat(held.get("heldStage").asString()).isEqualTo("DOSING_1");
        assertThat(list(http.get("/api/v1/therapists/" + journey.lead() + "/inbox").body()))
                .filteredOn(n -> n.get("kind").asString().equals("SAFETY_HOLD")).singleElement()
                .satisfies(n -> assertThat(n.get("priority").asString()).isEqualTo("URGENT"));

        clock.advance(Duration.ofMinutes(30));
        String release = "{\"releasedBy\": \"dr-7\", \"occurredAt\": \"" + now.plusSeconds(600) + "\"}";
        Http.Response released = http.post("/api/v1/journeys/" + id + "/safety-hold/release", release);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("stage").asString()).isEqualTo("DOSING_1");
        Http.Response noHold = http.post("/api/v1/journeys/" + id + "/safety-hold/release", release);
        assertThat(noHold.status()).isEqualTo(409);
        assertThat(noHold.contentType()).startsWith("application/problem+json");

        // the primary CAPS-5 needs a rater from outside the care team
        Http.Response byTherapist = http.post("/api/v1/journeys/" + id + "/outcome-assessments",
                assessment("PRIMARY_ENDPOINT", 21, journey.lead(), now.plusSeconds(900)));
        assertThat(byTherapist.status()).isEqualTo(422);
        assertThat(byTherapist.contentType()).startsWith("application/problem+json");
        assertThat(byTherapist.body().get("type").asString())
                .isEqualTo("https://waypoint.example/problems/rater-not-independent");
        Http.Response byRater = http.post("/api/v1/journeys/" + id + "/outcome-assessments",
                assessment("PRIMARY_ENDPOINT", 21, "rater-9", now.plusSeconds(1200)));
        assertThat(byRater.status()).isEqualTo(201);
        assertThat(byRater.body().get("raterIndependent").asBoolean()).isTrue();

        List<SpecificRecord> followup = topics.readJourney(Topic.FOLLOWUP, id, 8, WAIT);
        assertThat(TestTopics.types(followup)).containsExactly("ObligationOpened", "ObligationOpened",
                "CheckInRecorded", "CheckInRecorded", "SafetyHoldPlaced", "SafetyHoldReleased",
                "OutcomeAssessmentRecorded", "ObligationMet");
        assertThat(((CheckInRecorded) followup.get(3)).getPhq9Item9()).isEqualTo(1);
        assertThat(((SafetyHoldPlaced) followup.get(4)).getReason()).isEqualTo("PHQ9_ITEM9_POSITIVE");
        // a REST command is caused by no event: what it writes names no cause, and is correlated by the journey
        assertThat(followup.subList(2, 8)).allSatisfy(event -> {
            assertThat(Events.envelopeOf(event).getCausationId()).isNull();
            assertThat(Events.envelopeOf(event).getCorrelationId()).isEqualTo(id);
        });
        assertThat(((SafetyHoldReleased) followup.get(5)).getReleasedBy()).isEqualTo("dr-7");
        assertThat(((OutcomeAssessmentRecorded) followup.get(6)).getRaterIndependent()).isTrue();
        assertThat(((ObligationMet) followup.get(7)).getKind()).isEqualTo("PRIMARY_OUTCOME_ASSESSMENT");
    }

    @Test
    void aWithdrawnJourneysUnmetObligationsAreCancelledAndNeverEscalatedNorOpenedAgain() {
        JourneyEvents journey = JourneyEvents.newJourney();
        String id = journey.journeyId();
        Instant now = clock.instant();
        topics.send(Topic.INTAKE, id, journey.enrolled(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(59))));
        topics.send(Topic.SCHEDULING, id, journey.careTeam(now.minus(Duration.ofDays(58))));
        // the first integration session was due six hours ago
        topics.send(Topic.SCHEDULING, id, journey.dose(1, DoseKind.INITIAL, "80.00", now.minus(Duration.ofHours(30))));
        await().atMost(WAIT).until(() -> obligationStatuses(id).equals(List.of("OPEN", "OPEN")));
        clock.advance(Duration.ofMinutes(15));
        overdueScan.scan();
        assertThat(obligationStatuses(id)).containsExactlyInAnyOrder("OPEN", "OVERDUE");

        Instant withdrawnAt = clock.instant();
        topics.send(Topic.INTAKE, id, journey.withdrawn(withdrawnAt));

        await().atMost(WAIT).until(() -> obligationStatuses(id).equals(List.of("CANCELLED", "CANCELLED")));
        assertThat(list(http.get("/api/v1/journeys/" + id + "/obligations").body()))
                .allSatisfy(o -> assertThat(Instant.parse(o.get("cancelledAt").asString())).isEqualTo(withdrawnAt));
        assertThat(stageOf(id)).isEqualTo("WITHDRAWN");
        assertThat(list(http.get("/api/v1/journeys/stuck").body())).extracting(n -> n.get("journeyId").asString())
                .doesNotContain(id);

        clock.advance(Duration.ofHours(1));
        overdueScan.scan();
        topics.send(Topic.SCHEDULING, id, journey.dose(2, DoseKind.INITIAL, "80.00",
                clock.instant().minus(Duration.ofHours(30))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(timelineTypes(id))
                .filteredOn("DoseAdministered"::equals).hasSize(2));
        assertThat(obligationStatuses(id)).containsExactly("CANCELLED", "CANCELLED");
        assertThat(TestTopics.types(topics.readJourney(Topic.FOLLOWUP, id, 4, Duration.ofSeconds(3))))
                .containsExactly("ObligationOpened", "ObligationOpened", "ObligationOverdue");
    }

    @Test
    void aCommandThatHappensLaterThanTheClockAllowsIsRefusedNamingTheField() {
        JourneyEvents journey = JourneyEvents.newJourney();
        String id = journey.journeyId();
        Instant now = clock.instant();
        topics.send(Topic.INTAKE, id, journey.enrolled(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(59))));
        await().atMost(WAIT).until(() -> "ENROLLED".equals(stageOf(id)));

        Http.Response future = http.post("/api/v1/journeys/" + id + "/check-ins",
                checkIn(0, now.plus(Duration.ofMinutes(6))));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().at("/errors/0/field").asString()).isEqualTo("occurredAt");
        assertThat(timelineTypes(id)).doesNotContain("CheckInRecorded");
        assertThat(http.post("/api/v1/journeys/" + id + "/check-ins", checkIn(0, now.plus(Duration.ofMinutes(4))))
                .status()).as("within the clock skew").isEqualTo(201);
    }

    @Test
    void aJourneyIsCompletedOnceWhenEverySessionAndFinalAssessmentIsDone() {
        JourneyEvents journey = JourneyEvents.newJourney();
        String id = journey.journeyId();
        Instant baseline = Instant.parse("2024-12-02T09:00:00Z");
        topics.send(Topic.INTAKE, id, journey.enrolled(baseline, baseline.plusSeconds(3600)));
        topics.send(Topic.SCHEDULING, id, journey.careTeam(baseline.plusSeconds(7200)));
        List<Instant> doses = List.of(Instant.parse("2025-01-06T09:00:00Z"), Instant.parse("2025-02-03T09:00:00Z"),
                Instant.parse("2025-03-03T09:00:00Z"));
        for (int d = 1; d <= 3; d++) {
            Instant dose = doses.get(d - 1);
            topics.send(Topic.SCHEDULING, id, journey.dose(d, DoseKind.INITIAL, d == 1 ? "80.00" : "120.00", dose));
            topics.send(Topic.SCHEDULING, id, journey.dosingCompleted(d, dose.plus(Duration.ofHours(8))));
            topics.send(Topic.SCHEDULING, id, journey.integrationCompleted(d, 1, dose.plus(Duration.ofHours(20))));
            topics.send(Topic.SCHEDULING, id, journey.integrationCompleted(d, 2, dose.plus(Duration.ofDays(7))));
            topics.send(Topic.SCHEDULING, id, journey.integrationCompleted(d, 3, dose.plus(Duration.ofDays(14))));
        }
        await().atMost(WAIT).until(() -> "OUTCOME".equals(stageOf(id)));

        assertThat(http.post("/api/v1/journeys/" + id + "/outcome-assessments",
                assessment("PRIMARY_ENDPOINT", 24, "rater-9", Instant.parse("2025-04-07T10:00:00Z"))).status())
                .isEqualTo(201);
        assertThat(http.get("/api/v1/journeys/" + id).body().get("stage").asString()).isEqualTo("LONG_TERM_FOLLOWUP");
        assertThat(http.post("/api/v1/journeys/" + id + "/outcome-assessments",
                assessment("LONG_TERM_6M", 20, "rater-9", Instant.parse("2025-09-10T10:00:00Z"))).status())
                .isEqualTo(201);
        assertThat(http.get("/api/v1/journeys/" + id).body().get("completed").asBoolean()).isFalse();
        assertThat(http.post("/api/v1/journeys/" + id + "/outcome-assessments",
                assessment("LONG_TERM_12M", 18, "rater-9", Instant.parse("2026-03-01T10:00:00Z"))).status())
                .isEqualTo(201);
        // a later re-assessment does not complete the journey again
        assertThat(http.post("/api/v1/journeys/" + id + "/outcome-assessments",
                assessment("LONG_TERM_12M", 17, "rater-9", Instant.parse("2026-03-02T07:00:00Z"))).status())
                .isEqualTo(201);

        JsonNode state = http.get("/api/v1/journeys/" + id).body();
        assertThat(state.get("stage").asString()).isEqualTo("COMPLETED");
        assertThat(state.get("completed").asBoolean()).isTrue();
        assertThat(list(http.get("/api/v1/journeys/" + id + "/obligations").body()))
                .extracting(n -> n.get("kind").asString() + ":" + n.get("status").asString())
                .containsExactlyInAnyOrder("INTEGRATION_1_WITHIN_24H:MET", "INTEGRATION_1_WITHIN_24H:MET",
                        "INTEGRATION_1_WITHIN_24H:MET", "PRIMARY_OUTCOME_ASSESSMENT:MET",
                        "LONG_TERM_FOLLOWUP_6M:MET", "LONG_TERM_FOLLOWUP_12M:MET");

        // 6 opened, 6 met, 4 assessments, 1 completion
        List<SpecificRecord> followup = topics.readJourney(Topic.FOLLOWUP, id, 17, WAIT);
        assertThat(followup).hasSize(17);
        assertThat(followup).filteredOn(JourneyCompleted.class::isInstance).singleElement()
                .isInstanceOfSatisfying(JourneyCompleted.class, completed -> {
                    assertThat(completed.getDosingSessions()).isEqualTo(3);
                    assertThat(completed.getIntegrationSessions()).isEqualTo(9);
                });
        assertThat(followup).filteredOn(ObligationOpened.class::isInstance)
                .extracting(r -> ((ObligationOpened) r).getKind() + "@" + ((ObligationOpened) r).getDueAt())
                .contains("LONG_TERM_FOLLOWUP_6M@2025-10-03T09:00:00Z", "LONG_TERM_FOLLOWUP_12M@2026-04-02T09:00:00Z");
    }

    @Test
    void anEventOfAJourneyOnAProtocolProfileNotConfiguredIsDeadLetteredAndChangesNothing() {
        JourneyEvents journey = JourneyEvents.newJourney();
        String id = journey.journeyId();
        Instant now = clock.instant();
        PatientEnrolled enrolled = journey.enrolled(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(59)));
        enrolled.getEnvelope().setProtocol(new ProtocolRef("mapp9", "2030-1"));
        topics.send(Topic.INTAKE, id, enrolled);

        List<ConsumerRecord<String, byte[]>> dead = topics.read(Topic.dlqName(Topic.INTAKE.topicName(),
                "followup-service"), r -> id.equals(r.key()), 1, WAIT);
        assertThat(dead).singleElement().satisfies(r -> assertThat(new EventCodec().decode(r.value()))
                .isEqualTo(enrolled));
        assertThat(http.get("/api/v1/journeys/" + id).status()).isEqualTo(404);
    }

    @Test
    void theBindingConsumesEveryTopicButTheIdentifyingFrontDeskTopicAsFollowupService() {
        assertThat(environment.getProperty("spring.cloud.stream.bindings.journeyEvents-in-0.destination", "")
                .split(",")).containsExactlyInAnyOrder(Topic.FRONTDESK_VISITS.topicName(), Topic.INTAKE.topicName(),
                Topic.SCHEDULING.topicName(), Topic.FOLLOWUP.topicName(), Topic.NOTIFICATIONS.topicName());
        assertThat(environment.getProperty("spring.cloud.stream.bindings.journeyEvents-in-0.group"))
                .isEqualTo("followup-service");
    }

    @Test
    void healthAndTheApiDescriptionAreServed() {
        assertThat(http.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
        Http.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/journeys/{journeyId}/outcome-assessments")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/therapists/{therapistId}/inbox/stream")).isTrue();
    }

    private String stageOf(String journeyId) {
        Http.Response response = http.get("/api/v1/journeys/" + journeyId);
        return response.status() == 200 && response.body().has("stage") ? response.body().get("stage").asString()
                : null;
    }

    private static ObligationOpened opened(List<SpecificRecord> records, String kind) {
        return records.stream().filter(ObligationOpened.class::isInstance).map(ObligationOpened.class::cast)
                .filter(o -> o.getKind().equals(kind)).findFirst().orElseThrow();
    }

    private List<String> timelineTypes(String journeyId) {
        return list(http.get("/api/v1/journeys/" + journeyId + "/timeline").body()).stream()
                .map(n -> n.get("type").asString()).toList();
    }

    private List<String> obligationStatuses(String journeyId) {
        Http.Response response = http.get("/api/v1/journeys/" + journeyId + "/obligations");
        return response.status() != 200 ? List.of() : list(response.body()).stream()
                .map(n -> n.get("status").asString()).toList();
    }

    private static String checkIn(int phq9Item9, Instant at) {
        return """
                {"dosingNumber": 1, "dayNumber": 1, "phq9Item9": %d, "cssrsPositive": false, "concernRaised": false,
                 "occurredAt": "%s"}
                """.formatted(phq9Item9, at);
    }

    private static String assessment(String timepoint, int score, String raterId, Instant at) {
        return """
                {"instrument": "CAPS5", "timepoint": "%s", "score": %d, "raterId": "%s", "occurredAt": "%s"}
                """.formatted(timepoint, score, raterId, at);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
