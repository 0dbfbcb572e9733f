package io.waypoint.scheduling.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DoseKind;
import io.waypoint.events.scheduling.DosingSessionAborted;
import io.waypoint.events.scheduling.DosingSessionCompleted;
import io.waypoint.events.scheduling.PreDoseCheckRecorded;
import io.waypoint.events.scheduling.SessionCancelled;
import io.waypoint.events.scheduling.SessionCheckedIn;
import io.waypoint.events.scheduling.SessionKind;
import io.waypoint.events.scheduling.SessionMissed;
import io.waypoint.events.scheduling.SessionRescheduled;
import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.events.scheduling.VitalSignsRecorded;
import io.waypoint.events.visits.AppointmentCancellationRequested;
import io.waypoint.events.visits.AppointmentCheckedIn;
import io.waypoint.events.visits.AppointmentNoShow;
import io.waypoint.events.visits.AppointmentRescheduleRequested;
import io.waypoint.platform.test.TestTopics;
import io.waypoint.platform.test.WaypointServiceTest;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Events;
import io.waypoint.schemas.Topic;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * scheduling-service with its bindings: real Avro bytes in from intake, the front desk and followup, real Avro
 * bytes out on waypoint.scheduling.v1, REST over HTTP, an embedded broker and PostgreSQL.
 */
@WaypointServiceTest
class SchedulingJourneyTest {

    static final ProtocolRef MAPP1 = new ProtocolRef("mapp1", "2024-1");
    static final ZoneId SITE = ZoneId.of("America/New_York");
    static final Duration EVENTS = Duration.ofSeconds(60);

    @Autowired TestTopics topics;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @LocalServerPort int port;
    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.create("http://localhost:" + port);
    }

    @Test
    void aCourseRunsFromEnrollmentThroughTheFirstDosingSessionWithOneCareTeam() {
        String journeyId = UUID.randomUUID().toString();
        PatientEnrolled enrolled = enrolled(journeyId, Instant.parse("2026-03-02T15:00:00Z"));
        topics.send(Topic.INTAKE, journeyId, enrolled);

        List<SpecificRecord> planned = topics.readJourney(Topic.SCHEDULING, journeyId, 5, EVENTS);
        assertThat(TestTopics.types(planned)).containsExactly("CareTeamAssigned", "SessionScheduled",
                "SessionScheduled", "SessionScheduled", "SessionScheduled");
        CareTeamAssigned team = (CareTeamAssigned) planned.getFirst();
        List<String> pair = List.of(team.getLeadTherapistId(), team.getCoTherapistId());
        assertThat(team.getLeadTherapistId()).startsWith("t-lead-");
        List<SessionScheduled> course = planned.subList(1, 5).stream().map(SessionScheduled.class::cast).toList();
        assertThat(course).extracting(SessionScheduled::getKind).containsExactly(SessionKind.PREPARATORY,
                SessionKind.PREPARATORY, SessionKind.PREPARATORY, SessionKind.DOSING);
        assertThat(course).extracting(SessionScheduled::getSequence).containsExactly(1, 2, 3, 1);
        assertThat(course).extracting(SessionScheduled::getDosingNumber).containsExactly(null, null, null, 1);
        assertThat(course).extracting(SessionScheduled::getStart).isSorted();
        assertThat(course).allSatisfy(s -> assertThat(s.getTherapistIds()).isEqualTo(pair));
        SessionScheduled dosing = course.get(3);
        assertThat(dosing.getRoomId()).startsWith("room-dosing-");
        assertThat(Duration.between(dosing.getStart(), dosing.getEnd())).isEqualTo(Duration.ofHours(8));
        for (SpecificRecord event : planned) {
            Envelope envelope = Events.envelopeOf(event);
            assertThat(envelope.getCausationId()).isEqualTo(enrolled.getEnvelope().getEventId().toString());
            assertThat(envelope.getProtocol()).isEqualTo(MAPP1);
            assertThat(envelope.getSource()).isEqualTo("scheduling-service");
        }
        JsonNode careTeam = get("/api/v1/journeys/" + journeyId + "/care-team");
        assertThat(careTeam.get("leadTherapistId").asString()).isEqualTo(team.getLeadTherapistId());
        assertThat(careTeam.get("coTherapistId").asString()).isEqualTo(team.getCoTherapistId());

        // preparatory sessions 1 and 2 over REST, session 3 checked in by the front desk
        for (SessionScheduled prep : course.subList(0, 2)) {
            assertThat(post("/check-in", prep.getAppointmentId(), occurredAt(prep.getStart())).status()).isEqualTo(200);
            Reply completed = post("/completion", prep.getAppointmentId(), occurredAt(prep.getEnd()));
            assertThat(completed.status()).isEqualTo(200);
            assertThat(completed.body().get("status").asString()).isEqualTo("COMPLETED");
        }
        SessionScheduled prep3 = course.get(2);
        AppointmentCheckedIn frontDesk = new AppointmentCheckedIn(frontDeskEnvelope(journeyId, prep3.getStart()),
                prep3.getAppointmentId());
        topics.send(Topic.FRONTDESK_VISITS, journeyId, frontDesk);
        await().atMost(EVENTS).until(() -> "CHECKED_IN".equals(
                get("/api/v1/appointments/" + prep3.getAppointmentId()).get("status").asString()));
        assertThat(post("/completion", prep3.getAppointmentId(), occurredAt(prep3.getEnd())).status()).isEqualTo(200);

        // dosing session 1
        String session = dosing.getAppointmentId();
        Instant start = dosing.getStart();
        assertThat(post("/check-in", session, occurredAt(start)).status()).isEqualTo(200);
        Reply check = post("/pre-dose-check", session, preDoseCheck(start.plus(Duration.ofMinutes(10))));
        assertThat(check.status()).isEqualTo(201);
        assertThat(check.body().get("passed").asBoolean()).isTrue();
        Instant initialAt = start.plus(Duration.ofMinutes(30));
        Reply tooMuch = post("/doses", session, dose("INITIAL", "200", initialAt));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body().get("type").asString()).endsWith("/initial-dose-not-allowed");
        assertThat(post("/doses", session, dose("INITIAL", "80", initialAt)).status()).isEqualTo(201);
        String normalVitals = vitals(118, 78, 84, "37.1", initialAt.plus(Duration.ofMinutes(60)));
        Reply vitals = post("/vitals", session, normalVitals, "vitals-60");
        assertThat(vitals.status()).isEqualTo(201);
        assertThat(vitals.body().get("minutesSinceInitialDose").asInt()).isEqualTo(60);
        Reply repeated = post("/vitals", session, normalVitals, "vitals-60");
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.body()).isEqualTo(vitals.body());
        Reply high = post("/vitals", session, vitals(165, 95, 96, "37.6", initialAt.plus(Duration.ofMinutes(90))));
        assertThat(high.body().get("outOfRange").get(0).asString()).isEqualTo("SYSTOLIC_HIGH");
        Reply afterHigh = post("/doses", session, dose("SUPPLEMENTAL", "40", initialAt.plus(Duration.ofMinutes(100))));
        assertThat(afterHigh.status()).isEqualTo(422);
        assertThat(afterHigh.body().get("type").asString()).endsWith("/supplemental-dose-vitals-out-of-range");
        assertThat(post("/vitals", session, vitals(142, 88, 90, "37.2", initialAt.plus(Duration.ofMinutes(105))))
                .status()).isEqualTo(201);
        Reply supplemental = post("/doses", session, dose("SUPPLEMENTAL", "40", initialAt.plus(Duration.ofMinutes(110))));
        assertThat(supplemental.status()).isEqualTo(201);
        assertThat(supplemental.body().get("totalMg").decimalValue()).isEqualByComparingTo("120");
        Reply early = post("/dosing-completion", session, completion(initialAt.plus(Duration.ofHours(7))));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().get("type").asString()).endsWith("/monitoring-too-short");
        Instant discharge = initialAt.plus(Duration.ofHours(9));
        Reply completed = post("/dosing-completion", session, completion(discharge));
        assertThat(completed.status()).isEqualTo(201);
        assertThat(completed.body().get("scheduled")).hasSize(4);
        assertThat(completed.body().get("bookingsPending")).isEmpty();

        // every event of the journey, in order; the rejected and the repeated requests emitted nothing
        awaitOutboxDrained();
        List<SpecificRecord> all = topics.read(Topic.SCHEDULING.topicName(), r -> journeyId.equals(r.key()), 24,
                Duration.ofSeconds(5)).stream().map(r -> new EventCodec().decode(r.value())).toList();
        assertThat(TestTopics.types(all)).containsExactly(
                "CareTeamAssigned", "SessionScheduled", "SessionScheduled", "SessionScheduled", "SessionScheduled",
                "SessionCheckedIn", "SessionCompleted", "SessionCheckedIn", "SessionCompleted",
                "SessionCheckedIn", "SessionCompleted",
                "SessionCheckedIn", "PreDoseCheckRecorded", "DoseAdministered", "VitalSignsRecorded",
                "VitalSignsRecorded", "VitalSignsRecorded", "DoseAdministered", "DosingSessionCompleted",
                "SessionScheduled", "SessionScheduled", "SessionScheduled", "SessionScheduled");
        // one causation rule: an event written for a consumed record names that record, one written by a REST
        // command (here all but the enrollment's five and the front desk's check-in) names none
        for (int i = 0; i < all.size(); i++) {
            Envelope envelope = Events.envelopeOf(all.get(i));
            String cause = i < 5 ? enrolled.getEnvelope().getEventId().toString()
                    : i == 9 ? frontDesk.getEnvelope().getEventId().toString() : null;
            assertThat(envelope.getCausationId()).as("causation of event %d", i).isEqualTo(cause);
            assertThat(envelope.getCorrelationId()).as("correlation of event %d", i).isEqualTo(journeyId);
        }
        SessionCheckedIn fromFrontDesk = (SessionCheckedIn) all.get(9);
        assertThat(fromFrontDesk.getAppointmentId()).isEqualTo(prep3.getAppointmentId());
        assertThat(fromFrontDesk.getEnvelope().getCausationId())
                .isEqualTo(frontDesk.getEnvelope().getEventId().toString());
        assertThat(fromFrontDesk.getEnvelope().getProtocol()).isEqualTo(MAPP1);
        assertThat(((PreDoseCheckRecorded) all.get(12)).getPassed()).isTrue();
        DoseAdministered initial = (DoseAdministered) all.get(13);
        assertThat(initial.getDoseKind()).isEqualTo(DoseKind.INITIAL);
        assertThat(initial.getAmountMg()).isEqualByComparingTo("80");
        assertThat(initial.getLotNumber()).isEqualTo("LOT-2026-17");
        assertThat(((VitalSignsRecorded) all.get(15)).getOutOfRange()).containsExactly("SYSTOLIC_HIGH");
        assertThat(((VitalSignsRecorded) all.get(15)).getMinutesSinceInitialDose()).isEqualTo(90);
        assertThat(((DoseAdministered) all.get(17)).getAmountMg()).isEqualByComparingTo("40");
        DosingSessionCompleted done = (DosingSessionCompleted) all.get(18);
        assertThat(done.getTotalMg()).isEqualByComparingTo(new BigDecimal("120"));
        assertThat(done.getDischargedAt()).isEqualTo(discharge);
        assertThat(done.getOvernightStay()).isTrue();

        List<SessionScheduled> after = all.subList(19, 23).stream().map(SessionScheduled.class::cast).toList();
        assertThat(after).extracting(SessionScheduled::getKind).containsExactly(SessionKind.INTEGRATION,
                SessionKind.INTEGRATION, SessionKind.INTEGRATION, SessionKind.DOSING);
        assertThat(after).extracting(SessionScheduled::getSequence).containsExactly(1, 2, 3, 2);
        assertThat(after).extracting(SessionScheduled::getDosingNumber).containsExactly(1, 1, 1, 2);
        assertThat(after).allSatisfy(s -> assertThat(s.getTherapistIds()).isEqualTo(pair));
        Duration toFirstIntegration = Duration.between(initialAt, after.getFirst().getStart());
        assertThat(toFirstIntegration).isPositive().isLessThanOrEqualTo(Duration.ofHours(24));
        assertThat(siteDays(initialAt, after.getFirst().getStart())).isEqualTo(1);
        assertThat(siteDays(initialAt, after.get(1).getStart())).isEqualTo(7);
        assertThat(siteDays(initialAt, after.get(2).getStart())).isEqualTo(14);
        assertThat(siteDays(initialAt, after.get(3).getStart())).isBetween(21L, 35L);
        assertThat(after.get(3).getRoomId()).startsWith("room-dosing-");

        JsonNode appointments = get("/api/v1/journeys/" + journeyId + "/appointments");
        assertThat(appointments).hasSize(8);
        assertThat(appointments.findValuesAsString("status")).containsExactly("COMPLETED", "COMPLETED", "COMPLETED",
                "COMPLETED", "SCHEDULED", "SCHEDULED", "SCHEDULED", "SCHEDULED");
    }

    @Test
    void aSafetyHoldFailsThePreDoseCheckAndBlocksDosingUntilReleased() {
        String journeyId = UUID.randomUUID().toString();
        topics.send(Topic.INTAKE, journeyId, enrolled(journeyId, Instant.parse("2026-05-04T14:00:00Z")));
        List<SessionScheduled> course = topics.readJourney(Topic.SCHEDULING, journeyId, 5, EVENTS).stream()
                .skip(1).map(SessionScheduled.class::cast).toList();
        for (SessionScheduled prep : course.subList(0, 3)) {
            post("/check-in", prep.getAppointmentId(), occurredAt(prep.getStart()));
            assertThat(post("/completion", prep.getAppointmentId(), occurredAt(prep.getEnd())).status()).isEqualTo(200);
        }
        SessionScheduled dosing = course.get(3);
        Instant start = dosing.getStart();
        assertThat(post("/check-in", dosing.getAppointmentId(), occurredAt(start)).status()).isEqualTo(200);

        topics.send(Topic.FOLLOWUP, journeyId, new SafetyHoldPlaced(followupEnvelope(journeyId, start), "hold-" + journeyId,
                "CSSRS_POSITIVE"));
        await().atMost(EVENTS).until(() -> activeHolds(journeyId) == 1);
        Reply held = post("/pre-dose-check", dosing.getAppointmentId(), preDoseCheck(start.plus(Duration.ofMinutes(5))));
        assertThat(held.body().get("passed").asBoolean()).isFalse();
        assertThat(held.body().get("failedItems")).hasSize(1);
        assertThat(held.body().get("failedItems").get(0).asString()).isEqualTo("NO_SAFETY_HOLD");
        Reply blocked = post("/doses", dosing.getAppointmentId(), dose("INITIAL", "80", start.plus(Duration.ofMinutes(10))));
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.body().get("type").asString()).endsWith("/safety-hold-active");

        topics.send(Topic.FOLLOWUP, journeyId, new SafetyHoldReleased(followupEnvelope(journeyId, start.plusSeconds(600)),
                "hold-" + journeyId, "medical-lead-1"));
        await().atMost(EVENTS).until(() -> activeHolds(journeyId) == 0);
        Reply cleared = post("/pre-dose-check", dosing.getAppointmentId(), preDoseCheck(start.plus(Duration.ofMinutes(15))));
        assertThat(cleared.body().get("passed").asBoolean()).isTrue();
        assertThat(post("/doses", dosing.getAppointmentId(), dose("INITIAL", "80", start.plus(Duration.ofMinutes(20))))
                .status()).isEqualTo(201);

        List<SpecificRecord> all = topics.readJourney(Topic.SCHEDULING, journeyId, 15, EVENTS);
        List<PreDoseCheckRecorded> checks = all.stream().filter(PreDoseCheckRecorded.class::isInstance)
                .map(PreDoseCheckRecorded.class::cast).toList();
        assertThat(checks).extracting(PreDoseCheckRecorded::getPassed).containsExactly(false, true);
        assertThat(checks.getFirst().getFailedItems()).containsExactly("NO_SAFETY_HOLD");
        assertThat(all.stream().filter(DoseAdministered.class::isInstance)).hasSize(1);
    }

    @Test
    void theFrontDeskMovesCancelsAndReportsNoShowsAndAWithdrawalCancelsTheRest() {
        String journeyId = UUID.randomUUID().toString();
        Instant enrolledAt = Instant.parse("2026-07-06T14:00:00Z");
        topics.send(Topic.INTAKE, journeyId, enrolled(journeyId, enrolledAt));
        List<SessionScheduled> course = topics.readJourney(Topic.SCHEDULING, journeyId, 5, EVENTS).stream()
                .skip(1).map(SessionScheduled.class::cast).toList();
        SessionScheduled prep1 = course.get(0);
        SessionScheduled prep2 = course.get(1);
        SessionScheduled prep3 = course.get(2);

        Instant requested = prep2.getStart().plus(Duration.ofDays(1)).plus(Duration.ofHours(4));
        topics.send(Topic.FRONTDESK_VISITS, journeyId, new AppointmentRescheduleRequested(
                frontDeskEnvelope(journeyId, enrolledAt.plusSeconds(60)), prep2.getAppointmentId(), requested));
        AppointmentNoShow noShow = new AppointmentNoShow(frontDeskEnvelope(journeyId, prep1.getEnd()),
                prep1.getAppointmentId(), "NO_CONTACT");
        topics.send(Topic.FRONTDESK_VISITS, journeyId, noShow);
        topics.send(Topic.FRONTDESK_VISITS, journeyId, noShow);
        String stranger = UUID.randomUUID().toString();
        topics.send(Topic.FRONTDESK_VISITS, stranger, new AppointmentCheckedIn(frontDeskEnvelope(stranger, enrolledAt),
                "no-such-appointment"));
        topics.send(Topic.FRONTDESK_VISITS, journeyId, new AppointmentCancellationRequested(
                frontDeskEnvelope(journeyId, enrolledAt.plusSeconds(120)), prep3.getAppointmentId(), "PATIENT_REQUEST"));

        List<SpecificRecord> visits = topics.readJourney(Topic.SCHEDULING, journeyId, 8, EVENTS);
        assertThat(TestTopics.types(visits).subList(5, 8)).containsExactly("SessionRescheduled", "SessionMissed",
                "SessionCancelled");
        SessionRescheduled moved = (SessionRescheduled) visits.get(5);
        assertThat(moved.getPreviousStart()).isEqualTo(prep2.getStart());
        assertThat(moved.getStart()).isEqualTo(requested);
        assertThat(((SessionMissed) visits.get(6)).getSequence()).isEqualTo(1);
        assertThat(((SessionCancelled) visits.get(7)).getReason()).isEqualTo("PATIENT_REQUEST");

        List<ConsumerRecord<String, byte[]>> dead = topics.read(Topic.FRONTDESK_VISITS.dlqName("scheduling-service"),
                r -> stranger.equals(r.key()), 1, EVENTS);
        assertThat(dead).hasSize(1);

        topics.send(Topic.INTAKE, journeyId, new JourneyWithdrawn(
                intakeEnvelope(journeyId, enrolledAt.plus(Duration.ofDays(2))), "PARTICIPANT_DECISION"));
        List<SpecificRecord> all = topics.readJourney(Topic.SCHEDULING, journeyId, 10, EVENTS);
        List<SessionCancelled> withdrawn = all.subList(8, all.size()).stream().map(SessionCancelled.class::cast).toList();
        assertThat(withdrawn).extracting(SessionCancelled::getAppointmentId)
                .containsExactly(prep2.getAppointmentId(), course.get(3).getAppointmentId());
        assertThat(withdrawn).extracting(SessionCancelled::getReason).containsOnly("JOURNEY_WITHDRAWN");

        awaitOutboxDrained();
        assertThat(topics.read(Topic.SCHEDULING.topicName(), r -> journeyId.equals(r.key()), 11,
                Duration.ofSeconds(3))).hasSize(10);
        assertThat(get("/api/v1/journeys/" + journeyId + "/appointments").findValuesAsString("status"))
                .containsExactlyInAnyOrder("MISSED", "CANCELLED", "CANCELLED", "CANCELLED");
    }

    @Test
    void everyCommandOnAJourneyWaitsForTheLockOnItsPlan() throws Exception {
        String journeyId = UUID.randomUUID().toString();
        topics.send(Topic.INTAKE, journeyId, enrolled(journeyId, Instant.parse("2026-08-17T14:00:00Z")));
        SessionScheduled prep1 = (SessionScheduled) topics.readJourney(Topic.SCHEDULING, journeyId, 5, EVENTS).get(1);

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> holder = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("SELECT journey_id FROM journey_plan WHERE journey_id = :id FOR UPDATE")
                        .param("id", journeyId).query(String.class).single();
                locked.countDown();
                try {
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Reply> checkIn = threads.submit(
                    () -> post("/check-in", prep1.getAppointmentId(), occurredAt(prep1.getStart())));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !checkIn.isDone());
            assertThat(get("/api/v1/appointments/" + prep1.getAppointmentId()).get("status").asString())
                    .isEqualTo("SCHEDULED");

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(checkIn.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    @Test
    void aWithdrawalAbortsTheDosingSessionInProgressAndTheJourneyTakesNoFurtherCommand() {
        String journeyId = UUID.randomUUID().toString();
        SessionScheduled dosing = prepared(journeyId, Instant.parse("2026-08-03T14:00:00Z"));
        String session = dosing.getAppointmentId();
        Instant start = dosing.getStart();
        Instant initialAt = checkInAndGiveInitialDose(session, start);

        topics.send(Topic.INTAKE, journeyId, new JourneyWithdrawn(
                intakeEnvelope(journeyId, start.plus(Duration.ofHours(1))), "PARTICIPANT_DECISION"));
        List<SpecificRecord> all = topics.readJourney(Topic.SCHEDULING, journeyId, 15, EVENTS);
        DosingSessionAborted aborted = (DosingSessionAborted) all.getLast();
        assertThat(aborted.getAppointmentId()).isEqualTo(session);
        assertThat(aborted.getReason()).isEqualTo("WITHDRAWN");
        assertThat(aborted.getDosingNumber()).isEqualTo(1);

        Instant later = start.plus(Duration.ofMinutes(100));
        for (Reply refused : List.of(
                post("/vitals", session, vitals(120, 80, 80, "36.9", later)),
                post("/doses", session, dose("SUPPLEMENTAL", "40", later)),
                post("/dosing-completion", session, completion(initialAt.plus(Duration.ofHours(9)))))) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().get("type").asString()).endsWith("/journey-withdrawn");
        }
        awaitOutboxDrained();
        assertThat(topics.read(Topic.SCHEDULING.topicName(), r -> journeyId.equals(r.key()), 16,
                Duration.ofSeconds(3))).hasSize(15);
        assertThat(get("/api/v1/journeys/" + journeyId + "/appointments").findValuesAsString("status"))
                .containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "ABORTED");
    }

    @Test
    void aWithdrawalCancelsACheckedInTalkingSessionWithTheRest() {
        String journeyId = UUID.randomUUID().toString();
        topics.send(Topic.INTAKE, journeyId, enrolled(journeyId, Instant.parse("2026-09-07T14:00:00Z")));
        List<SessionScheduled> course = topics.readJourney(Topic.SCHEDULING, journeyId, 5, EVENTS).stream()
                .skip(1).map(SessionScheduled.class::cast).toList();
        SessionScheduled prep1 = course.getFirst();
        assertThat(post("/check-in", prep1.getAppointmentId(), occurredAt(prep1.getStart())).status()).isEqualTo(200);

        topics.send(Topic.INTAKE, journeyId, new JourneyWithdrawn(
                intakeEnvelope(journeyId, prep1.getStart().plus(Duration.ofMinutes(30))), "PARTICIPANT_DECISION"));
        List<SessionCancelled> cancelled = topics.readJourney(Topic.SCHEDULING, journeyId, 10, EVENTS)
                .subList(6, 10).stream().map(SessionCancelled.class::cast).toList();
        assertThat(cancelled).extracting(SessionCancelled::getAppointmentId)
                .containsExactlyElementsOf(course.stream().map(SessionScheduled::getAppointmentId).toList());
        assertThat(cancelled).extracting(SessionCancelled::getReason).containsOnly("JOURNEY_WITHDRAWN");

        Reply completion = post("/completion", prep1.getAppointmentId(), occurredAt(prep1.getEnd()));
        assertThat(completion.status()).isEqualTo(409);
        assertThat(completion.body().get("type").asString()).endsWith("/journey-withdrawn");
        Reply checkIn = post("/check-in", course.get(1).getAppointmentId(), occurredAt(course.get(1).getStart()));
        assertThat(checkIn.status()).isEqualTo(409);
        assertThat(checkIn.body().get("type").asString()).endsWith("/journey-withdrawn");
    }

    @Test
    void aDosingSessionCompletesEvenWhenAFollowUpSessionFindsNoSlot() {
        String journeyId = UUID.randomUUID().toString();
        SessionScheduled dosing = prepared(journeyId, Instant.parse("2026-10-05T14:00:00Z"));
        String session = dosing.getAppointmentId();
        Instant start = dosing.getStart();
        Instant initialAt = checkInAndGiveInitialDose(session, start);
        occupyCareTeamAllDay(journeyId, start.atZone(SITE).toLocalDate().plusDays(1));

        Reply completed = post("/dosing-completion", session, completion(initialAt.plus(Duration.ofHours(9))));
        assertThat(completed.status()).isEqualTo(201);
        JsonNode pending = completed.body().get("bookingsPending");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("kind").asString()).isEqualTo("INTEGRATION");
        assertThat(pending.get(0).get("sequence").asInt()).isEqualTo(1);
        assertThat(pending.get(0).get("dosingNumber").asInt()).isEqualTo(1);
        assertThat(Instant.parse(pending.get(0).get("latestStart").asString()))
                .isEqualTo(initialAt.plus(Duration.ofHours(24)));
        assertThat(completed.body().get("scheduled").findValuesAsString("kind"))
                .containsExactly("INTEGRATION", "INTEGRATION", "DOSING");

        List<SpecificRecord> all = topics.readJourney(Topic.SCHEDULING, journeyId, 18, EVENTS);
        assertThat(TestTopics.types(all).subList(14, 18)).containsExactly("DosingSessionCompleted",
                "SessionScheduled", "SessionScheduled", "SessionScheduled");
        assertThat(get("/api/v1/appointments/" + session).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void anIdempotencyKeyAnswersOnlyTheRequestItWasFirstSentWith() {
        String journeyId = UUID.randomUUID().toString();
        topics.send(Topic.INTAKE, journeyId, enrolled(journeyId, Instant.parse("2026-09-21T14:00:00Z")));
        SessionScheduled prep1 = (SessionScheduled) topics.readJourney(Topic.SCHEDULING, journeyId, 5, EVENTS).get(1);
        String id = prep1.getAppointmentId();

        Reply tooLong = post("/check-in", id, occurredAt(prep1.getStart()), "k".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");

        String key = "k".repeat(200);
        Reply first = post("/check-in", id, occurredAt(prep1.getStart()), key);
        assertThat(first.status()).isEqualTo(200);
        Reply again = post("/check-in", id, occurredAt(prep1.getStart()), key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        Reply other = post("/check-in", id, occurredAt(prep1.getStart().plusSeconds(60)), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("type").asString()).endsWith("/idempotency-key-reused");

        awaitOutboxDrained();
        assertThat(topics.read(Topic.SCHEDULING.topicName(), r -> journeyId.equals(r.key()), 7,
                Duration.ofSeconds(3))).hasSize(6);
    }

    @Test
    void anOccurredAtInTheFutureIsA400() {
        String journeyId = UUID.randomUUID().toString();
        topics.send(Topic.INTAKE, journeyId, enrolled(journeyId, Instant.parse("2026-09-28T14:00:00Z")));
        SessionScheduled prep1 = (SessionScheduled) topics.readJourney(Topic.SCHEDULING, journeyId, 5, EVENTS).get(1);
        Reply future = post("/check-in", prep1.getAppointmentId(),
                occurredAt(Instant.now().plus(Duration.ofMinutes(10))));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        assertThat(get("/api/v1/appointments/" + prep1.getAppointmentId()).get("status").asString())
                .isEqualTo("SCHEDULED");
    }

    /** Enrolls a journey and holds its preparatory sessions; returns its first dosing session. */
    SessionScheduled prepared(String journeyId, Instant enrolledAt) {
        topics.send(Topic.INTAKE, journeyId, enrolled(journeyId, enrolledAt));
        List<SessionScheduled> course = topics.readJourney(Topic.SCHEDULING, journeyId, 5, EVENTS).stream()
                .skip(1).map(SessionScheduled.class::cast).toList();
        for (SessionScheduled prep : course.subList(0, 3)) {
            assertThat(post("/check-in", prep.getAppointmentId(), occurredAt(prep.getStart())).status()).isEqualTo(200);
            assertThat(post("/completion", prep.getAppointmentId(), occurredAt(prep.getEnd())).status()).isEqualTo(200);
        }
        return course.get(3);
    }

    /** Books the journey's therapists for another (withdrawn) journey from before opening to after closing. */
    void occupyCareTeamAllDay(String journeyId, LocalDate day) {
        JsonNode team = get("/api/v1/journeys/" + journeyId + "/care-team");
        String lead = team.get("leadTherapistId").asString();
        String co = team.get("coTherapistId").asString();
        String other = "occupier-" + journeyId;
        Instant from = day.atTime(6, 0).atZone(SITE).toInstant();
        Instant to = day.atTime(20, 0).atZone(SITE).toInstant();
        jdbc.sql("""
                INSERT INTO journey_plan (journey_id, protocol_profile, protocol_version, correlation_id, site_id,
                    pregnancy_test_required, baseline_at, enrolled_at, lead_therapist_id, co_therapist_id, withdrawn_at)
                VALUES (:id, 'mapp1', '2024-1', :id, 'site-1', false, :from, :from, :lead, :co, :to)
                """)
                .param("id", other).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("lead", lead).param("co", co).update();
        jdbc.sql("""
                INSERT INTO appointment (appointment_id, journey_id, kind, sequence, dosing_number, starts_at, ends_at,
                    room_reserved_until, room_id, lead_therapist_id, co_therapist_id, status)
                VALUES (:id, :journey, 'PREPARATORY', 1, NULL, :from, :to, :to, 'room-therapy-2', :lead, :co, 'SCHEDULED')
                """)
                .param("id", other).param("journey", other).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("lead", lead).param("co", co).update();
    }

    // --- events as the other writers produce them

    static PatientEnrolled enrolled(String journeyId, Instant at) {
        return PatientEnrolled.newBuilder()
                .setEnvelope(intakeEnvelope(journeyId, at))
                .setSiteId("site-1")
                .setBaselineCaps5Total(44)
                .setBaselineAt(at.minus(Duration.ofDays(3)))
                .setPregnancyTestRequired(true)
                .build();
    }

    static Envelope intakeEnvelope(String journeyId, Instant at) {
        return envelope(journeyId, at, MAPP1, "intake-service");
    }

    static Envelope followupEnvelope(String journeyId, Instant at) {
        return envelope(journeyId, at, MAPP1, "followup-service");
    }

    static Envelope frontDeskEnvelope(String journeyId, Instant at) {
        return envelope(journeyId, at, null, "frontdesk-test");
    }

    static Envelope envelope(String journeyId, Instant at, ProtocolRef protocol, String source) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        return Envelope.newBuilder().setEventId(UUID.randomUUID()).setJourneyId(journeyId).setOccurredAt(millis)
                .setRecordedAt(millis).setProtocol(protocol).setSource(source).setCorrelationId(journeyId)
                .setCausationId(null).build();
    }

    // --- REST

    record Reply(int status, JsonNode body) {
    }

    Reply post(String command, String appointmentId, String json) {
        return post(command, appointmentId, json, null);
    }

    Reply post(String command, String appointmentId, String json, String idempotencyKey) {
        return http.post().uri("/api/v1/appointments/{id}" + command, appointmentId)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (idempotencyKey != null) {
                        h.add("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(json)
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        response.bodyTo(JsonNode.class)));
    }

    JsonNode get(String path) {
        return http.get().uri(path).retrieve().body(JsonNode.class);
    }

    static String occurredAt(Instant at) {
        return "{\"occurredAt\": \"" + at + "\"}";
    }

    static String preDoseCheck(Instant at) {
        return """
                {"pregnancyTestNegative": true, "fastingConfirmed": true, "contraindicatedMedicationAbsent": true,
                 "cssrsNegative": true,
                 "vitals": {"systolicMmHg": 122, "diastolicMmHg": 79, "heartRateBpm": 71, "temperatureCelsius": 36.7},
                 "occurredAt": "%s"}
                """.formatted(at);
    }

    static String dose(String kind, String amountMg, Instant at) {
        return """
                {"doseKind": "%s", "amountMg": %s, "lotNumber": "LOT-2026-17", "dispensedBy": "pharm-1",
                 "witnessedBy": "nurse-2", "occurredAt": "%s"}
                """.formatted(kind, amountMg, at);
    }

    static String vitals(int systolic, int diastolic, int heartRate, String temperature, Instant at) {
        return """
                {"systolicMmHg": %d, "diastolicMmHg": %d, "heartRateBpm": %d, "temperatureCelsius": %s, "occurredAt": "%s"}
                """.formatted(systolic, diastolic, heartRate, temperature, at);
    }

    static String completion(Instant at) {
        return "{\"occurredAt\": \"" + at + "\", \"overnightStay\": true}";
    }

    // --- state

    void awaitOutboxDrained() {
        await().atMost(EVENTS).until(() -> jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single() == 0);
    }

    long activeHolds(String journeyId) {
        return jdbc.sql("SELECT count(*) FROM safety_hold WHERE journey_id = :id AND released_at IS NULL")
                .param("id", journeyId).query(Long.class).single();
    }

    static long siteDays(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(from.atZone(SITE).toLocalDate(), to.atZone(SITE).toLocalDate());
    }

    /** Checks in at {@code start}, passes the pre-dose check 10 min later, gives 80 mg at +30 min; returns that time. */
    private Instant checkInAndGiveInitialDose(String session, Instant start) {
        assertThat(post("/check-in", session, occurredAt(start)).status()).isEqualTo(200);
        assertThat(post("/pre-dose-check", session, preDoseCheck(start.plus(Duration.ofMinutes(10)))).status())
                .isEqualTo(201);
        Instant initialAt = start.plus(Duration.ofMinutes(30));
        assertThat(post("/doses", session, dose("INITIAL", "80", initialAt)).status()).isEqualTo(201);
        return initialAt;
    }
}
