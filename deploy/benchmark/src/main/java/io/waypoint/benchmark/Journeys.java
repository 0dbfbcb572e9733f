package io.waypoint.benchmark;

import io.waypoint.localstack.demo.DemoJourney;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.notifications.NotificationKind;
import io.waypoint.events.notifications.TherapistNotificationIssued;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.localstack.demo.Api.Appointment;
import io.waypoint.localstack.demo.Api.CareTeam;
import io.waypoint.localstack.demo.ApiClient;
import io.waypoint.localstack.demo.ApiException;
import io.waypoint.localstack.demo.DemoPlan;
import io.waypoint.localstack.demo.Vitals;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * L2: patients driven through the three services' REST APIs as the demo journey drives its one patient: referral,
 * screening, consent and enrollment at intake-service; then the care team and the first bookings at
 * scheduling-service and the therapists' CARE_TEAM_ASSIGNED notification from followup-service, seen on
 * {@code waypoint.scheduling.v1} and {@code waypoint.notifications.v1}; optionally on through the preparatory
 * sessions to the completion of dosing session 1, and the bookings and DOSE_COMPLETED notification that follow it.
 * A fixed number of journeys run at once, each starting over when it is done. Every journey's referral lies at a
 * random day 200 to 700 days back, so the bookings of many journeys spread over the calendar.
 */
final class Journeys {

    /** What one run measured. */
    record Result(double windowSeconds, long journeysInWindow, long started, long completed, long failed,
                  String firstFailure, long allTopicRecordsInWindow, Latency enrollmentToNotification,
                  Latency enrollmentToBookings, Latency dosingToBookings, Latency dosingToNotification,
                  Latency restCommands, long restCalls, List<ProcessStats.Usage> usage) {

        double journeysPerSecond() {
            return journeysInWindow / windowSeconds;
        }

        double allTopicRecordsPerSecond() {
            return allTopicRecordsInWindow / windowSeconds;
        }
    }

    private final KafkaTools kafka;
    private final ProcessStats stats;
    private final Consumer<String> out;
    private final Predicate<String> countedTopics;
    private final ApiClient intake;
    private final ApiClient scheduling;
    private final DemoPlan plan = DemoPlan.load();
    private final EventCodec codec = new EventCodec();
    private final Map<String, Signals> signals = new ConcurrentHashMap<>();
    private final String runTag;

    private final Latency enrollmentToNotification = new Latency();
    private final Latency enrollmentToBookings = new Latency();
    private final Latency dosingToBookings = new Latency();
    private final Latency dosingToNotification = new Latency();
    private final Latency restCommands = new Latency();
    private final AtomicLong restCalls = new AtomicLong();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong completedInWindow = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile long windowStart;
    private volatile long windowEnd;
    private volatile boolean stopping;

    Journeys(KafkaTools kafka, ProcessStats stats, Consumer<String> out, Predicate<String> countedTopics,
             URI intakeUri, URI schedulingUri, String runTag) {
        this.kafka = kafka;
        this.stats = stats;
        this.out = out;
        this.countedTopics = countedTopics;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.intake = new ApiClient("intake-service", intakeUri, http, Duration.ofSeconds(60));
        this.scheduling = new ApiClient("scheduling-service", schedulingUri, http, Duration.ofSeconds(60));
        this.runTag = runTag;
    }

    /** Adds lead-qualified therapists, co-therapists, dosing suites and therapy rooms (each {@code n}). */
    static void addRoster(ApiClient scheduling, int therapists, int rooms) {
        for (int i = 1; i <= therapists; i++) {
            scheduling.post("/api/v1/therapists", DemoJourney.json("therapistId", "bench-lead-" + i,
                    "displayName", "Benchmark lead " + i, "leadQualified", true));
            scheduling.post("/api/v1/therapists", DemoJourney.json("therapistId", "bench-co-" + i,
                    "displayName", "Benchmark co-therapist " + i, "leadQualified", false));
        }
        for (int i = 1; i <= rooms; i++) {
            scheduling.post("/api/v1/rooms", DemoJourney.json("roomId", "bench-dosing-" + i,
                    "name", "Benchmark dosing suite " + i, "dosingCapable", true, "overnight", true));
            scheduling.post("/api/v1/rooms", DemoJourney.json("roomId", "bench-therapy-" + i,
                    "name", "Benchmark therapy room " + i, "dosingCapable", false, "overnight", false));
        }
    }

    Result run(int patients, boolean dosing, Duration warmup, Duration window, Duration asyncTimeout,
               Duration drainTimeout) {
        out.accept(String.format("L2 journeys: %d at once%s, warm-up %d s, window %d s", patients,
                dosing ? ", each on to the completion of dosing session 1" : "", warmup.toSeconds(),
                window.toSeconds()));
        try (KafkaConsumer<String, byte[]> consumer = kafka.observer("benchmark-l2-watcher")) {
            KafkaTools.assignAtEnd(consumer, List.of(Topic.SCHEDULING.topicName(), Topic.NOTIFICATIONS.topicName()));
            Thread watcher = Thread.ofPlatform().name("l2-watcher").start(() -> watch(consumer));
            long start = System.nanoTime();
            windowStart = start + warmup.toNanos();
            windowEnd = windowStart + window.toNanos();
            List<Thread> drivers = new ArrayList<>();
            AtomicLong sequence = new AtomicLong();
            for (int i = 0; i < patients; i++) {
                drivers.add(Thread.ofVirtual().name("l2-patient-" + i).start(() -> {
                    while (!stopping && System.nanoTime() < windowEnd) {
                        journey(runTag + "-" + sequence.incrementAndGet(), dosing, asyncTimeout);
                    }
                }));
            }
            LoadDriver.parkUntil(windowStart);
            ProcessStats.Snapshot atStart = stats.snapshot();
            long recordsAtStart = kafka.totalRecords(countedTopics);
            LoadDriver.parkUntil(windowEnd);
            ProcessStats.Snapshot atEnd = stats.snapshot();
            long recordsAtEnd = kafka.totalRecords(countedTopics);
            long drainDeadline = System.nanoTime() + drainTimeout.toNanos();
            for (Thread driver : drivers) {
                long left = Math.max(1, (drainDeadline - System.nanoTime()) / 1_000_000);
                try {
                    if (!driver.join(Duration.ofMillis(left))) {
                        stopping = true;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            stopping = true;
            consumer.wakeup();
            LoadDriver.join(watcher);
            Result result = new Result(window.toNanos() / 1e9, completedInWindow.get(), started.get(),
                    completed.get(), failed.get(), firstFailure.get(), recordsAtEnd - recordsAtStart,
                    enrollmentToNotification, enrollmentToBookings, dosingToBookings, dosingToNotification,
                    restCommands, restCalls.get(), ProcessStats.between(atStart, atEnd));
            out.accept(String.format("  %.2f journeys/s, %.0f events/s on all topics, enrollment -> notification "
                            + "p50 %s p99 %s, started %d, completed %d, failed %d", result.journeysPerSecond(),
                    result.allTopicRecordsPerSecond(), Latency.ms(enrollmentToNotification.percentileMillis(50)),
                    Latency.ms(enrollmentToNotification.percentileMillis(99)), result.started(), result.completed(),
                    result.failed()));
            if (result.firstFailure() != null) {
                out.accept("  first failure: " + result.firstFailure());
            }
            return result;
        }
    }

    // ---- the watcher: what scheduling-service and followup-service announced, per journey ----------------------

    /** Arrival times (System.nanoTime) of one journey's announcements. */
    static final class Signals {
        long careTeamAt;
        final List<Long> bookings = new ArrayList<>();
        final List<Long> careTeamNotifications = new ArrayList<>();
        final List<Long> doseNotifications = new ArrayList<>();

        synchronized void arrived(SpecificRecord event, long now) {
            switch (event) {
                case CareTeamAssigned ignored -> careTeamAt = careTeamAt == 0 ? now : careTeamAt;
                case SessionScheduled ignored -> bookings.add(now);
                case TherapistNotificationIssued n when n.getKind() == NotificationKind.CARE_TEAM_ASSIGNED ->
                        careTeamNotifications.add(now);
                case TherapistNotificationIssued n when n.getKind() == NotificationKind.DOSE_COMPLETED ->
                        doseNotifications.add(now);
                default -> {
                    return;
                }
            }
            notifyAll();
        }

        /** The first arrival in {@code list} at or after {@code since}, waiting up to the deadline; 0 if none. */
        synchronized long await(List<Long> list, long since, long deadline) {
            while (true) {
                for (long at : list) {
                    if (at >= since) {
                        return at;
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return 0;
                }
                try {
                    wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
        }

        synchronized long awaitCareTeam(long deadline) {
            while (careTeamAt == 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return 0;
                }
                try {
                    wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            return careTeamAt;
        }
    }

    private Signals signals(String journeyId) {
        return signals.computeIfAbsent(journeyId, id -> new Signals());
    }

    private void watch(KafkaConsumer<String, byte[]> consumer) {
        try {
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    SpecificRecord event;
                    try {
                        event = codec.decode(record.value());
                    } catch (RuntimeException e) {
                        continue;
                    }
                    Envelope envelope = io.waypoint.schemas.Events.envelopeOf(event);
                    // a journey is registered when its referral is answered, long before anything is announced for it
                    Signals journey = envelope.getJourneyId() == null ? null : signals.get(envelope.getJourneyId());
                    if (journey != null) {
                        journey.arrived(event, now);
                    }
                }
            }
        } catch (WakeupException e) {
            // stopped
        }
    }

    // ---- one journey ------------------------------------------------------------------------------------------

    private void journey(String referralId, boolean dosing, Duration asyncTimeout) {
        started.incrementAndGet();
        String journeyId = null;
        try {
            Instant now = Instant.now();
            Instant referredAt = now.minus(Duration.ofDays(ThreadLocalRandom.current().nextInt(200, 700)));
            DemoPlan.Patient patient = plan.patient();
            JsonNode referral = post(intake, "/api/v1/referrals", patient.referral(referralId, referredAt));
            journeyId = referral.path("journeyId").stringValue(null);
            if (journeyId == null) {
                throw new IllegalStateException("POST /api/v1/referrals returned no journeyId: " + referral);
            }
            Signals journey = signals(journeyId);
            String path = "/api/v1/journeys/" + journeyId;
            Instant screenedAt = plan.screeningAfterReferral().after(referredAt);
            JsonNode screening = post(intake, path + "/screening", DemoJourney.json(
                    "ptsdDurationMonths", plan.ptsdDurationMonths(),
                    "caps5Total", plan.screeningCaps5Total(),
                    "cssrs", DemoJourney.json("wishToBeDead", false, "activeThoughts", false, "methodThoughts", false,
                            "intent", false, "planWithIntent", false, "recentBehaviour", false),
                    "exclusionCodes", List.of(),
                    "medicationClasses", List.of(),
                    "occurredAt", screenedAt));
            if (!screening.path("eligible").asBoolean(false)) {
                throw new IllegalStateException("screening found the patient not eligible: " + screening);
            }
            Instant consentedAt = plan.consentAfterScreening().after(screenedAt);
            post(intake, path + "/consent", DemoJourney.json(
                    "consentFormVersion", plan.consentFormVersion(),
                    "overnightStayAgreed", true,
                    "recordingAgreed", true,
                    "occurredAt", consentedAt));
            Instant enrolledAt = plan.enrollmentAfterConsent().after(consentedAt);
            long enrollmentSent = System.nanoTime();
            post(intake, path + "/enrollment", DemoJourney.json(
                    "baselineCaps5Total", plan.baselineCaps5Total(),
                    "baselineAt", plan.baselineBeforeEnrollment().before(enrolledAt),
                    "pregnancyTestRequired", plan.pregnancyTestRequired(),
                    "occurredAt", enrolledAt));

            long deadline = System.nanoTime() + asyncTimeout.toNanos();
            if (journey.awaitCareTeam(deadline) == 0) {
                throw new IllegalStateException("no CareTeamAssigned for journey " + journeyId);
            }
            long booked = journey.await(journey.bookings, enrollmentSent, deadline);
            if (booked == 0) {
                throw new IllegalStateException("no SessionScheduled for journey " + journeyId);
            }
            long notified = journey.await(journey.careTeamNotifications, enrollmentSent, deadline);
            if (notified == 0) {
                throw new IllegalStateException("no CARE_TEAM_ASSIGNED notification for journey " + journeyId);
            }
            if (inWindow(booked)) {
                enrollmentToBookings.recordNanos(booked - enrollmentSent);
            }
            if (inWindow(notified)) {
                enrollmentToNotification.recordNanos(notified - enrollmentSent);
            }
            CareTeam team = get(scheduling, path + "/care-team", CareTeam.class);
            List<Appointment> appointments = appointments(journeyId);
            if (appointments.isEmpty()) {
                throw new IllegalStateException("scheduling-service lists no appointments for journey " + journeyId);
            }
            if (dosing) {
                firstDosing(journeyId, team, appointments, asyncTimeout);
            }
            long done = System.nanoTime();
            completed.incrementAndGet();
            if (inWindow(done)) {
                completedInWindow.incrementAndGet();
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            String message = (journeyId == null ? referralId : "journey " + journeyId) + ": " + e.getMessage();
            if (firstFailure.compareAndSet(null, message)) {
                out.accept("  a journey failed: " + message);
            }
        } finally {
            if (journeyId != null) {
                signals.remove(journeyId);
            }
        }
    }

    /** The preparatory sessions, then dosing session 1 as the demo performs it; waits for what follows it. */
    private void firstDosing(String journeyId, CareTeam team, List<Appointment> appointments, Duration asyncTimeout) {
        Appointment dosingSession = null;
        for (Appointment appointment : appointments) {
            if (!Appointment.SCHEDULED.equals(appointment.status())) {
                continue;
            }
            if (appointment.is(Appointment.DOSING)) {
                dosingSession = appointment;
                break;
            }
            String path = "/api/v1/appointments/" + appointment.appointmentId();
            post(scheduling, path + "/check-in", DemoJourney.json("occurredAt", appointment.start()));
            post(scheduling, path + "/completion", DemoJourney.json("occurredAt", appointment.end()));
        }
        if (dosingSession == null) {
            throw new IllegalStateException("no dosing session booked for journey " + journeyId);
        }
        DemoPlan.Dosing d = plan.dosing();
        Instant start = dosingSession.start();
        String path = "/api/v1/appointments/" + dosingSession.appointmentId();
        post(scheduling, path + "/check-in", DemoJourney.json("occurredAt", start));
        Map<String, Object> check = DemoJourney.json(
                "fastingConfirmed", true,
                "contraindicatedMedicationAbsent", true,
                "cssrsNegative", true,
                "vitals", vitals(d.preDoseVitals()),
                "occurredAt", d.preDoseCheckAfterStart().after(start));
        if (plan.pregnancyTestRequired()) {
            check.put("pregnancyTestNegative", true);
        }
        JsonNode checked = post(scheduling, path + "/pre-dose-check", check);
        if (!checked.path("passed").asBoolean(false)) {
            throw new IllegalStateException("pre-dose check did not pass: " + checked);
        }
        int initialMg = d.initialDoseMg(1);
        Instant initialDoseAt = d.initialDoseAfterStart().after(start);
        post(scheduling, path + "/doses", dose("INITIAL", initialMg, team, initialDoseAt));
        Instant supplementalAt = d.supplementalAfterStart().after(start);
        boolean supplementalGiven = false;
        for (DemoPlan.Checkpoint checkpoint : d.vitals()) {
            Instant measuredAt = checkpoint.afterStart().after(start);
            if (!supplementalGiven && measuredAt.isAfter(supplementalAt)) {
                post(scheduling, path + "/doses", dose("SUPPLEMENTAL", initialMg / 2, team, supplementalAt));
                supplementalGiven = true;
            }
            Map<String, Object> reading = vitals(checkpoint.vitals());
            reading.put("occurredAt", measuredAt.toString());
            post(scheduling, path + "/vitals", reading);
        }
        if (!supplementalGiven) {
            post(scheduling, path + "/doses", dose("SUPPLEMENTAL", initialMg / 2, team, supplementalAt));
        }
        Instant discharge = d.dischargeAfterStart().after(start);
        Instant earliest = d.minimumMonitoringAfterInitialDose().after(initialDoseAt);
        if (discharge.isBefore(earliest)) {
            discharge = earliest;
        }
        Signals journey = signals(journeyId);
        long completionSent = System.nanoTime();
        post(scheduling, path + "/dosing-completion", DemoJourney.json("occurredAt", discharge, "overnightStay", true));
        long deadline = System.nanoTime() + asyncTimeout.toNanos();
        long booked = journey.await(journey.bookings, completionSent, deadline);
        if (booked == 0) {
            throw new IllegalStateException("no bookings after dosing session 1 of journey " + journeyId);
        }
        long notified = journey.await(journey.doseNotifications, completionSent, deadline);
        if (notified == 0) {
            throw new IllegalStateException("no DOSE_COMPLETED notification for journey " + journeyId);
        }
        if (inWindow(booked)) {
            dosingToBookings.recordNanos(booked - completionSent);
        }
        if (inWindow(notified)) {
            dosingToNotification.recordNanos(notified - completionSent);
        }
    }

    private List<Appointment> appointments(String journeyId) {
        long started = System.nanoTime();
        List<Appointment> list = scheduling.getList("/api/v1/journeys/" + journeyId + "/appointments",
                Appointment.class);
        restCalls.incrementAndGet();
        if (inWindow(started)) {
            restCommands.recordNanos(System.nanoTime() - started);
        }
        return list.stream().sorted(Comparator.comparing(Appointment::start)).toList();
    }

    private Map<String, Object> dose(String kind, int mg, CareTeam team, Instant at) {
        return DemoJourney.json("doseKind", kind, "amountMg", mg, "lotNumber", plan.dosing().lotNumber(),
                "dispensedBy", team.leadTherapistId(), "witnessedBy", team.coTherapistId(), "occurredAt", at);
    }

    private static Map<String, Object> vitals(Vitals v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("systolicMmHg", v.systolicMmHg());
        json.put("diastolicMmHg", v.diastolicMmHg());
        json.put("heartRateBpm", v.heartRateBpm());
        json.put("temperatureCelsius", v.temperatureCelsius());
        return json;
    }

    private JsonNode post(ApiClient client, String path, Map<String, Object> body) {
        long started = System.nanoTime();
        JsonNode response = client.post(path, body);
        restCalls.incrementAndGet();
        if (inWindow(started)) {
            restCommands.recordNanos(System.nanoTime() - started);
        }
        return response;
    }

    private <T> T get(ApiClient client, String path, Class<T> type) {
        long started = System.nanoTime();
        try {
            T response = client.get(path, type);
            restCalls.incrementAndGet();
            if (inWindow(started)) {
                restCommands.recordNanos(System.nanoTime() - started);
            }
            return response;
        } catch (ApiException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private boolean inWindow(long nanos) {
        return nanos >= windowStart && nanos < windowEnd;
    }
}
