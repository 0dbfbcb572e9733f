package io.waypoint.localstack.demo;

import io.waypoint.localstack.Poll;
import io.waypoint.localstack.demo.Api.Appointment;
import io.waypoint.localstack.demo.Api.CareTeam;
import io.waypoint.localstack.demo.Api.JourneyStage;
import io.waypoint.localstack.demo.DemoPlan.Checkpoint;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Drives one demo patient through the real REST APIs of the three services, from referral to a completed journey.
 * Every command states when its fact happened ({@code occurredAt}), always in the past: intake steps relative to now,
 * sessions at the times the scheduling service booked them, everything else relative to those sessions.
 */
public final class DemoJourney {

    /** Where the three services answer. */
    public record Endpoints(URI intake, URI scheduling, URI followup) {
    }

    /** What the demo did: the journey, its care team, every appointment as booked and how long each part took. */
    public record Result(String journeyId, CareTeam careTeam, List<Appointment> appointments, String finalStage,
                         Map<String, Duration> durations) {
    }

    /** Journey stages of the follow-up service the demo waits for (DESIGN: ... INTEGRATION_3 -> OUTCOME -> ...). */
    static final String STAGE_OUTCOME = "OUTCOME";
    static final String STAGE_LONG_TERM = "LONG_TERM_FOLLOWUP";
    static final String STAGE_COMPLETED = "COMPLETED";

    private final ApiClient intake;
    private final ApiClient scheduling;
    private final ApiClient followup;
    private final DemoPlan plan;
    private final Clock clock;
    private final Duration asyncTimeout;
    private final Consumer<String> reporter;

    public DemoJourney(Endpoints endpoints, DemoPlan plan, Clock clock, Duration asyncTimeout,
                       Consumer<String> reporter) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Duration requestTimeout = Duration.ofSeconds(30);
        this.intake = new ApiClient("intake-service", endpoints.intake(), http, requestTimeout);
        this.scheduling = new ApiClient("scheduling-service", endpoints.scheduling(), http, requestTimeout);
        this.followup = new ApiClient("followup-service", endpoints.followup(), http, requestTimeout);
        this.plan = plan;
        this.clock = clock;
        this.asyncTimeout = asyncTimeout;
        this.reporter = reporter;
    }

    public Result run() {
        Map<String, Duration> durations = new LinkedHashMap<>();
        long total = System.nanoTime();
        Instant now = clock.instant();

        long step = System.nanoTime();
        Intake enrolled = intake(now);
        durations.put("intake (referral to enrollment)", since(step));

        step = System.nanoTime();
        CareTeam careTeam = awaitCareTeam(enrolled.journeyId());
        awaitFirstAppointments(enrolled.journeyId());
        durations.put("care team and first bookings", since(step));

        step = System.nanoTime();
        Course course = sessions(enrolled.journeyId(), careTeam, now);
        durations.put("sessions", since(step));

        step = System.nanoTime();
        awaitStage(enrolled.journeyId(), Set.of(STAGE_OUTCOME, STAGE_LONG_TERM, STAGE_COMPLETED),
                "to see every session");
        outcomes(enrolled, careTeam, course, now);
        durations.put("outcome assessments", since(step));

        step = System.nanoTime();
        JourneyStage stage = awaitStage(enrolled.journeyId(), Set.of(STAGE_COMPLETED), "to complete the journey");
        say("journey %s: %s", enrolled.journeyId(), stage.stage());
        durations.put("journey completed", since(step));
        durations.put("total", since(total));

        return new Result(enrolled.journeyId(), careTeam, appointments(enrolled.journeyId()), stage.stage(), durations);
    }

    // ---- intake -------------------------------------------------------------------------------------------------

    private record Intake(String journeyId, Instant enrolledAt, Instant baselineAt) {
    }

    private Intake intake(Instant now) {
        DemoPlan.Patient patient = plan.patient();
        Instant referredAt = plan.referralBeforeNow().before(now);
        JsonNode referral = intake.post("/api/v1/referrals", patient.referral("demo-" + UUID.randomUUID(), referredAt));
        String journeyId = required(referral, "journeyId", intake, "POST /api/v1/referrals");
        String journeyPath = "/api/v1/journeys/" + journeyId;
        say("referred %s: journey %s", day(referredAt), journeyId);

        Instant screenedAt = plan.screeningAfterReferral().after(referredAt);
        JsonNode screening = intake.post(journeyPath + "/screening", json(
                "ptsdDurationMonths", plan.ptsdDurationMonths(),
                "caps5Total", plan.screeningCaps5Total(),
                "cssrs", json("wishToBeDead", false, "activeThoughts", false, "methodThoughts", false,
                        "intent", false, "planWithIntent", false, "recentBehaviour", false),
                "exclusionCodes", List.of(),
                "medicationClasses", List.of(),
                "occurredAt", screenedAt));
        if (!screening.path("eligible").asBoolean(false)) {
            throw new IllegalStateException("intake-service found the demo patient not eligible: " + screening);
        }
        say("screened %s: eligible", day(screenedAt));

        Instant consentedAt = plan.consentAfterScreening().after(screenedAt);
        intake.post(journeyPath + "/consent", json(
                "consentFormVersion", plan.consentFormVersion(),
                "overnightStayAgreed", true,
                "recordingAgreed", true,
                "occurredAt", consentedAt));
        say("consented %s", day(consentedAt));

        Instant enrolledAt = plan.enrollmentAfterConsent().after(consentedAt);
        Instant baselineAt = plan.baselineBeforeEnrollment().before(enrolledAt);
        JsonNode enrollment = intake.post(journeyPath + "/enrollment", json(
                "baselineCaps5Total", plan.baselineCaps5Total(),
                "baselineAt", baselineAt,
                "pregnancyTestRequired", plan.pregnancyTestRequired(),
                "occurredAt", enrolledAt));
        say("enrolled %s, baseline CAPS-5 %d, protocol %s", day(enrolledAt), plan.baselineCaps5Total(),
                enrollment.path("protocol"));
        return new Intake(journeyId, enrolledAt, baselineAt);
    }

    // ---- scheduling ---------------------------------------------------------------------------------------------

    private CareTeam awaitCareTeam(String journeyId) {
        CareTeam team = Poll.until("scheduling-service to assign a care team to journey " + journeyId, asyncTimeout,
                () -> scheduling.find("/api/v1/journeys/" + journeyId + "/care-team")
                        .map(node -> ApiClient.JSON.treeToValue(node, CareTeam.class)));
        say("care team: lead %s, co-therapist %s", team.leadTherapistId(), team.coTherapistId());
        return team;
    }

    private void awaitFirstAppointments(String journeyId) {
        List<Appointment> booked = Poll.until("scheduling-service to book the first sessions of journey " + journeyId,
                asyncTimeout, () -> Optional.of(appointments(journeyId)).filter(list -> !list.isEmpty()));
        say("%d sessions booked after enrollment", booked.size());
    }

    public List<Appointment> appointments(String journeyId) {
        return scheduling.getList("/api/v1/journeys/" + journeyId + "/appointments", Appointment.class).stream()
                .sorted(Comparator.comparing(Appointment::start))
                .toList();
    }

    /** What the session pass learnt: when the first and the last initial doses were given, when it ended. */
    private record Course(Instant firstInitialDose, Instant lastInitialDose, Instant lastSessionEnd) {
    }

    /**
     * Performs every booked session in time order, re-reading the bookings after each one (the scheduling service
     * books integration sessions and the next dosing session as dosing sessions complete).
     */
    private Course sessions(String journeyId, CareTeam careTeam, Instant now) {
        Set<String> done = new HashSet<>();
        int dosingsDone = 0;
        int integrationsSinceDosing = 0;
        Instant firstInitialDose = null;
        Instant lastInitialDose = null;
        Instant lastSessionEnd = null;
        while (true) {
            Optional<Appointment> next = nextScheduled(journeyId, done);
            if (next.isEmpty()) {
                boolean moreExpected = dosingsDone < plan.dosingSessions()
                        || integrationsSinceDosing < plan.integrationSessionsPerDosing();
                if (!moreExpected) {
                    break;
                }
                String expected = dosingsDone == 0 ? "dosing session 1 (after the preparatory sessions)"
                        : integrationsSinceDosing < plan.integrationSessionsPerDosing()
                        ? "integration sessions after dosing session " + dosingsDone
                        : "dosing session " + (dosingsDone + 1);
                int dosingNumber = dosingsDone;
                next = Optional.of(Poll.until("scheduling-service to book " + expected + " for journey " + journeyId
                                + " (" + dosingNumber + " dosing sessions done)", asyncTimeout,
                        () -> nextScheduled(journeyId, done)));
            }
            Appointment appointment = next.get();
            if (appointment.start().isAfter(now)) {
                throw new IllegalStateException("scheduling-service booked " + describe(appointment)
                        + " in the future; the demo records past facts only");
            }
            switch (appointment.kind()) {
                case Appointment.DOSING -> {
                    int number = appointment.dosingNumber() != null ? appointment.dosingNumber() : dosingsDone + 1;
                    Instant initialDose = dosing(journeyId, appointment, number, careTeam);
                    if (firstInitialDose == null) {
                        firstInitialDose = initialDose;
                        followUpAfterFirstDose(journeyId, initialDose, number);
                    }
                    lastInitialDose = initialDose;
                    dosingsDone++;
                    integrationsSinceDosing = 0;
                }
                case Appointment.INTEGRATION -> {
                    attend(appointment);
                    integrationsSinceDosing++;
                }
                default -> attend(appointment);
            }
            done.add(appointment.appointmentId());
            lastSessionEnd = appointment.end();
        }
        if (lastInitialDose == null) {
            throw new IllegalStateException("no dosing session was booked for journey " + journeyId);
        }
        return new Course(firstInitialDose, lastInitialDose, lastSessionEnd);
    }

    private Optional<Appointment> nextScheduled(String journeyId, Set<String> done) {
        return appointments(journeyId).stream()
                .filter(a -> Appointment.SCHEDULED.equals(a.status()))
                .filter(a -> !done.contains(a.appointmentId()))
                .findFirst();
    }

    /** A preparatory or integration session: the patient checks in at its start; it is completed at its end. */
    private void attend(Appointment appointment) {
        String path = "/api/v1/appointments/" + appointment.appointmentId();
        scheduling.post(path + "/check-in", json("occurredAt", appointment.start()));
        scheduling.post(path + "/completion", json("occurredAt", appointment.end()));
        say("%s attended", describe(appointment));
    }

    /** A whole dosing session; returns the time of the initial dose. */
    private Instant dosing(String journeyId, Appointment appointment, int number, CareTeam careTeam) {
        DemoPlan.Dosing d = plan.dosing();
        Instant start = appointment.start();
        String path = "/api/v1/appointments/" + appointment.appointmentId();

        scheduling.post(path + "/check-in", json("occurredAt", start));

        Map<String, Object> check = json(
                "fastingConfirmed", true,
                "contraindicatedMedicationAbsent", true,
                "cssrsNegative", true,
                "vitals", d.preDoseVitals().toJson(),
                "occurredAt", d.preDoseCheckAfterStart().after(start));
        if (plan.pregnancyTestRequired()) {
            check.put("pregnancyTestNegative", true);
        }
        JsonNode checked = scheduling.post(path + "/pre-dose-check", check);
        if (!checked.path("passed").asBoolean(false)) {
            throw new IllegalStateException("pre-dose check of dosing session " + number + " did not pass: " + checked);
        }

        int initialMg = d.initialDoseMg(number);
        Instant initialDoseAt = d.initialDoseAfterStart().after(start);
        scheduling.post(path + "/doses", json(
                "doseKind", "INITIAL",
                "amountMg", initialMg,
                "lotNumber", d.lotNumber(),
                "dispensedBy", careTeam.leadTherapistId(),
                "witnessedBy", careTeam.coTherapistId(),
                "occurredAt", initialDoseAt));

        List<String> outOfRange = new ArrayList<>();
        Instant supplementalAt = d.supplementalAfterStart().after(start);
        boolean supplementalGiven = false;
        for (Checkpoint checkpoint : d.vitals()) {
            Instant measuredAt = checkpoint.afterStart().after(start);
            if (!supplementalGiven && measuredAt.isAfter(supplementalAt)) {
                supplemental(path, initialMg, supplementalAt, careTeam);
                supplementalGiven = true;
            }
            JsonNode vitals = scheduling.post(path + "/vitals", withOccurredAt(checkpoint.vitals().toJson(), measuredAt));
            vitals.path("outOfRange").forEach(item -> outOfRange.add(item.asString()));
        }
        if (!supplementalGiven) {
            supplemental(path, initialMg, supplementalAt, careTeam);
        }

        Instant dischargeAt = discharge(journeyId, appointment, initialDoseAt);
        scheduling.post(path + "/dosing-completion", json("occurredAt", dischargeAt, "overnightStay", true));
        say("%s: %d mg + %d mg, vitals %s, discharged %s", describe(appointment), initialMg, initialMg / 2,
                outOfRange.isEmpty() ? "within limits" : "out of range " + outOfRange, time(dischargeAt));
        return initialDoseAt;
    }

    private void supplemental(String path, int initialMg, Instant at, CareTeam careTeam) {
        scheduling.post(path + "/doses", json(
                "doseKind", "SUPPLEMENTAL",
                "amountMg", initialMg / 2,
                "lotNumber", plan.dosing().lotNumber(),
                "dispensedBy", careTeam.leadTherapistId(),
                "witnessedBy", careTeam.coTherapistId(),
                "occurredAt", at));
    }

    /**
     * Discharge the next morning, after the monitoring minimum and before an integration session already booked
     * for that morning.
     */
    private Instant discharge(String journeyId, Appointment dosing, Instant initialDoseAt) {
        DemoPlan.Dosing d = plan.dosing();
        Instant discharge = d.dischargeAfterStart().after(dosing.start());
        Optional<Instant> nextIntegration = appointments(journeyId).stream()
                .filter(a -> a.is(Appointment.INTEGRATION) && a.start().isAfter(dosing.start()))
                .map(Appointment::start)
                .findFirst();
        if (nextIntegration.isPresent()) {
            Instant latest = d.dischargeBeforeIntegration().before(nextIntegration.get());
            if (discharge.isAfter(latest)) {
                discharge = latest;
            }
        }
        Instant earliest = d.minimumMonitoringAfterInitialDose().after(initialDoseAt);
        return discharge.isBefore(earliest) ? earliest : discharge;
    }

    // ---- follow-up ----------------------------------------------------------------------------------------------

    /** Daily check-ins and a favourable adverse event after the first dose. */
    private void followUpAfterFirstDose(String journeyId, Instant initialDoseAt, int dosingNumber) {
        // records after followup-service has seen the dosing session end, as a clinic's staff would
        awaitStage(journeyId, Set.of("INTEGRATION_" + dosingNumber), "to see dosing session " + dosingNumber + " end");
        DemoPlan.FollowUp f = plan.followUp();
        String path = "/api/v1/journeys/" + journeyId;
        for (int dayNumber : f.checkInDays()) {
            Instant at = f.checkInAfterDoseDay().after(initialDoseAt.plus(Duration.ofDays(dayNumber)));
            postToFollowup(path + "/check-ins", json(
                    "dosingNumber", dosingNumber,
                    "dayNumber", dayNumber,
                    "phq9Item9", 0,
                    "cssrsPositive", false,
                    "concernRaised", false,
                    "occurredAt", at));
        }
        postToFollowup(path + "/adverse-events", json(
                "term", f.adverseEventTerm(),
                "severity", f.adverseEventSeverity(),
                "serious", false,
                "favourable", true,
                "onsetAt", f.adverseEventOnsetAfterInitialDose().after(initialDoseAt),
                "dosingNumber", dosingNumber,
                "occurredAt", f.adverseEventReportedAfterInitialDose().after(initialDoseAt)));
        say("follow-up: %d daily check-ins, adverse event '%s' (%s, favourable)", f.checkInDays().size(),
                f.adverseEventTerm(), f.adverseEventSeverity());
    }

    private void outcomes(Intake enrolled, CareTeam careTeam, Course course, Instant now) {
        DemoPlan.Outcomes o = plan.outcomes();
        if (careTeam.includes(o.raterId())) {
            throw new IllegalStateException("the demo's outcome rater " + o.raterId() + " is on the care team");
        }
        String path = "/api/v1/journeys/" + enrolled.journeyId() + "/outcome-assessments";

        Instant primaryAt = o.primaryAfterBaseline().after(enrolled.baselineAt());
        if (course.lastSessionEnd() != null && primaryAt.isBefore(course.lastSessionEnd())) {
            primaryAt = course.lastSessionEnd().plus(Duration.ofDays(1));
        }
        postToFollowup(path, json("instrument", o.primaryInstrument(), "timepoint", o.primaryTimepoint(),
                "score", o.primaryScore(), "raterId", o.raterId(), "occurredAt", notAfter(primaryAt, now)));
        say("%s %s %d by %s on %s", o.primaryInstrument(), o.primaryTimepoint(), o.primaryScore(), o.raterId(),
                day(primaryAt));

        for (DemoPlan.Assessment assessment : o.longTerm()) {
            Instant at = notAfter(assessment.afterLastDose().after(course.lastInitialDose()), now);
            postToFollowup(path, json("instrument", o.primaryInstrument(), "timepoint", assessment.timepoint(),
                    "score", assessment.score(), "raterId", o.raterId(), "occurredAt", at));
            say("%s %s %d on %s", o.primaryInstrument(), assessment.timepoint(), assessment.score(), day(at));
        }
    }

    /**
     * Waits until the follow-up service is in one of {@code stages}: it learns of sessions from the scheduling
     * topic, so it may still be catching up when the last REST call returns.
     */
    private JourneyStage awaitStage(String journeyId, Set<String> stages, String what) {
        String[] lastStage = {"unknown"};
        try {
            return Poll.until("followup-service " + what + " for journey " + journeyId, asyncTimeout, () -> {
                Optional<JourneyStage> seen = followup.find("/api/v1/journeys/" + journeyId)
                        .map(node -> ApiClient.JSON.treeToValue(node, JourneyStage.class));
                seen.ifPresent(s -> lastStage[0] = s.stage());
                return seen.filter(s -> stages.contains(s.stage()));
            });
        } catch (Poll.TimeoutException e) {
            throw new IllegalStateException("followup-service did not reach " + stages + " (" + what + ") for journey "
                    + journeyId + " within " + asyncTimeout.toSeconds() + " s; last stage seen: " + lastStage[0], e);
        }
    }

    /**
     * The follow-up service learns of a journey from the intake topic; until then it may not know it (404). Retries
     * with the same idempotency key, so a command is never recorded twice.
     */
    private void postToFollowup(String path, Map<String, Object> body) {
        String key = UUID.randomUUID().toString();
        Poll.until("followup-service to accept POST " + path, asyncTimeout, () -> {
            try {
                return Optional.of(followup.post(path, body, key));
            } catch (ApiException e) {
                if (e.status() == 404) {
                    throw e;
                }
                throw new Poll.Abort(e.getMessage(), e);
            }
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Instant notAfter(Instant instant, Instant now) {
        return instant.isAfter(now) ? now.minus(Duration.ofMinutes(1)) : instant;
    }

    private static String required(JsonNode node, String field, ApiClient client, String request) {
        String value = node.path(field).stringValue(null);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(client.service() + " " + request + " returned no " + field + ": " + node);
        }
        return value;
    }

    /** A JSON object from alternating names and values; instants as ISO-8601 text. */
    public static Map<String, Object> json(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must pair up");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            json.put((String) namesAndValues[i], value instanceof Instant instant ? instant.toString() : value);
        }
        return json;
    }

    private static Map<String, Object> withOccurredAt(Map<String, Object> body, Instant occurredAt) {
        Map<String, Object> json = new LinkedHashMap<>(body);
        json.put("occurredAt", occurredAt.toString());
        return json;
    }

    static String describe(Appointment a) {
        String kind = a.kind().charAt(0) + a.kind().substring(1).toLowerCase();
        String number = a.is(Appointment.DOSING) && a.dosingNumber() != null ? " " + a.dosingNumber()
                : a.sequence() != null ? " #" + a.sequence() : "";
        return kind + number + " (" + time(a.start()) + ")";
    }

    static String day(Instant instant) {
        return instant.toString().substring(0, 10);
    }

    static String time(Instant instant) {
        return instant.toString().substring(0, 16).replace('T', ' ');
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private void say(String format, Object... args) {
        reporter.accept("  " + String.format(format, args));
    }
}
