package io.waypoint.scheduling.dosing;

import io.waypoint.platform.rules.Violation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of a dosing session under one protocol profile: when a session may start, the pre-dose
 * checklist, which doses may be given when, vital-sign limits and the minimum monitoring before discharge.
 * Days are counted in calendar days of the site's time zone.
 */
public final class DosingRules {

    private final DosingProfile profile;
    private final ZoneId zone;

    public DosingRules(DosingProfile profile, ZoneId zone) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * May dosing session {@code dosingNumber} start now? Session 1 needs every preparatory session
     * completed; a later one needs the previous cycle's integration sessions completed and must fall in the
     * window after the previous session's initial dose.
     *
     * @param completedIntegration  completed integration sessions of the previous dosing cycle
     * @param requiredIntegration   integration sessions each dosing cycle needs before the next dosing session
     * @param previousInitialDoseAt the previous session's initial dose; null when there is none
     */
    public Optional<Violation> checkIn(int dosingNumber, int completedPreparatory, int requiredPreparatory,
                                       int completedIntegration, int requiredIntegration,
                                       Instant previousInitialDoseAt, Instant checkInAt) {
        if (dosingNumber < 1 || dosingNumber > profile.maxSessions()) {
            return Optional.of(Violation.rule("dosing-sessions-exhausted", "No further dosing session allowed",
                    "The protocol allows " + profile.maxSessions() + " dosing sessions per course.",
                    "dosingNumber", dosingNumber, "maxSessions", profile.maxSessions()));
        }
        if (dosingNumber == 1) {
            if (completedPreparatory < requiredPreparatory) {
                return Optional.of(Violation.rule("preparation-incomplete", "Preparation incomplete",
                        "The first dosing session needs " + requiredPreparatory
                                + " completed preparatory sessions; " + completedPreparatory + " are completed.",
                        "completedPreparatorySessions", completedPreparatory,
                        "requiredPreparatorySessions", requiredPreparatory));
            }
            return Optional.empty();
        }
        if (previousInitialDoseAt == null) {
            return Optional.of(Violation.rule("previous-dosing-incomplete", "Previous dosing session has no dose",
                    "Dosing session " + dosingNumber + " needs an initial dose in session " + (dosingNumber - 1) + ".",
                    "dosingNumber", dosingNumber));
        }
        if (completedIntegration < requiredIntegration) {
            return Optional.of(Violation.rule("integration-incomplete", "Integration incomplete",
                    "Dosing session " + dosingNumber + " needs " + requiredIntegration
                            + " completed integration sessions of dosing session " + (dosingNumber - 1) + "; "
                            + completedIntegration + " are completed.",
                    "dosingNumber", dosingNumber,
                    "completedIntegrationSessions", completedIntegration,
                    "requiredIntegrationSessions", requiredIntegration));
        }
        long days = daysBetween(previousInitialDoseAt, checkInAt);
        DosingProfile.DosingWindow window = profile.window();
        if (days < window.minDays() || days > window.maxDays()) {
            return Optional.of(Violation.rule("dosing-window-violated", "Outside the dosing window",
                    "Dosing session " + dosingNumber + " must start " + window.minDays() + " to " + window.maxDays()
                            + " days after the previous initial dose; it would start after " + days + " days.",
                    "dosingNumber", dosingNumber,
                    "previousInitialDoseAt", previousInitialDoseAt.toString(),
                    "daysSincePreviousDose", days,
                    "minDays", window.minDays(),
                    "maxDays", window.maxDays()));
        }
        return Optional.empty();
    }

    /** Calendar days from one instant to another in the site's time zone. */
    public long daysBetween(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate());
    }

    /** Every checklist item that fails; the pregnancy test counts only where the journey requires one. */
    public PreDoseResult preDoseCheck(PreDoseAnswers answers, boolean pregnancyTestRequired, boolean safetyHoldActive) {
        List<PreDoseItem> failed = new ArrayList<>();
        if (pregnancyTestRequired && !Boolean.TRUE.equals(answers.pregnancyTestNegative())) {
            failed.add(PreDoseItem.PREGNANCY_TEST_NEGATIVE);
        }
        if (!answers.fastingConfirmed()) {
            failed.add(PreDoseItem.FASTING_CONFIRMED);
        }
        if (!answers.contraindicatedMedicationAbsent()) {
            failed.add(PreDoseItem.NO_CONTRAINDICATED_MEDICATION);
        }
        if (!answers.cssrsNegative()) {
            failed.add(PreDoseItem.CSSRS_NEGATIVE);
        }
        if (!outOfRange(answers.vitals()).isEmpty()) {
            failed.add(PreDoseItem.VITALS_WITHIN_LIMITS);
        }
        if (safetyHoldActive) {
            failed.add(PreDoseItem.NO_SAFETY_HOLD);
        }
        return new PreDoseResult(failed);
    }

    /** The vital signs above their limits; empty when all are within limits. */
    public List<VitalFlag> outOfRange(VitalSigns vitals) {
        DosingProfile.VitalLimits limits = profile.vitalLimits();
        List<VitalFlag> flags = new ArrayList<>();
        if (vitals.systolicMmHg() > limits.systolicMaxMmHg()) {
            flags.add(VitalFlag.SYSTOLIC_HIGH);
        }
        if (vitals.heartRateBpm() > limits.heartRateMaxBpm()) {
            flags.add(VitalFlag.HEART_RATE_HIGH);
        }
        if (vitals.temperatureCelsius().compareTo(limits.temperatureMaxCelsius()) > 0) {
            flags.add(VitalFlag.TEMPERATURE_HIGH);
        }
        return flags;
    }

    /** May this initial dose be given? Only once, after a passed pre-dose check, in an allowed amount. */
    public Optional<Violation> initialDose(int dosingNumber, boolean preDoseCheckPassed, boolean initialAlreadyGiven,
                                           BigDecimal amountMg, boolean safetyHoldActive) {
        if (safetyHoldActive) {
            return Optional.of(safetyHold());
        }
        if (initialAlreadyGiven) {
            return Optional.of(Violation.rule("initial-dose-already-given", "Initial dose already given",
                    "Dosing session " + dosingNumber + " already has its initial dose.",
                    "dosingNumber", dosingNumber));
        }
        if (!preDoseCheckPassed) {
            return Optional.of(Violation.rule("pre-dose-check-not-passed", "Pre-dose check not passed",
                    "The initial dose needs a passed pre-dose check first.", "dosingNumber", dosingNumber));
        }
        List<BigDecimal> allowed = profile.allowedInitialDoses(dosingNumber);
        if (allowed.stream().noneMatch(dose -> dose.compareTo(amountMg) == 0)) {
            return Optional.of(Violation.rule("initial-dose-not-allowed", "Initial dose not allowed",
                    amountMg.toPlainString() + " mg is not an allowed initial dose in dosing session "
                            + dosingNumber + "; allowed: " + allowed + " mg.",
                    "dosingNumber", dosingNumber, "amountMg", amountMg, "allowedMg", allowed));
        }
        return sessionMaximum(amountMg);
    }

    /**
     * May this supplemental dose be given? At most the configured number, within the configured time after the
     * initial dose (compared to the second), right after vital signs within limits, keeping the total of every
     * dose of the session within the maximum, and exactly the configured fraction of the initial dose.
     *
     * @param doses        the doses the session has had so far
     * @param latestVitals the latest vital signs measured at or before {@code at}; null when none
     */
    public Optional<Violation> supplementalDose(List<Dose> doses, BigDecimal amountMg, Instant at,
                                                VitalsReading latestVitals, boolean safetyHoldActive) {
        DosingProfile.Supplemental rule = profile.supplemental();
        if (safetyHoldActive) {
            return Optional.of(safetyHold());
        }
        Dose initial = doses.stream().filter(d -> d.kind() == DoseKind.INITIAL).findFirst().orElse(null);
        if (initial == null) {
            return Optional.of(Violation.rule("initial-dose-missing", "No initial dose",
                    "A supplemental dose follows an initial dose.", "doseKind", "SUPPLEMENTAL"));
        }
        long supplementalGiven = doses.stream().filter(d -> d.kind() == DoseKind.SUPPLEMENTAL).count();
        if (supplementalGiven >= rule.maxDoses()) {
            return Optional.of(Violation.rule("supplemental-dose-limit", "Supplemental dose limit reached",
                    "At most " + rule.maxDoses() + " supplemental dose(s) per session.",
                    "maxSupplementalDoses", rule.maxDoses(), "supplementalDosesGiven", supplementalGiven));
        }
        Duration elapsed = Duration.between(initial.administeredAt(), at);
        if (elapsed.compareTo(rule.earliest()) < 0 || elapsed.compareTo(rule.latest()) > 0) {
            return Optional.of(Violation.rule("supplemental-dose-timing", "Supplemental dose outside its time window",
                    "The supplemental dose is given " + rule.minMinutes() + " to " + rule.maxMinutes()
                            + " minutes after the initial dose; this is " + elapsed + " after it.",
                    "minutesSinceInitialDose", elapsed.toMinutes(), "sinceInitialDose", elapsed.toString(),
                    "minMinutes", rule.minMinutes(), "maxMinutes", rule.maxMinutes()));
        }
        Instant vitalsFrom = at.minus(rule.vitalsWithin());
        if (latestVitals == null || latestVitals.measuredAt().isAfter(at)
                || latestVitals.measuredAt().isBefore(vitalsFrom)) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("vitalsWithinMinutes", rule.vitalsWithin().toMinutes());
            params.put("vitalsWithin", rule.vitalsWithin().toString());
            if (latestVitals != null) {
                params.put("latestVitalsAt", latestVitals.measuredAt().toString());
            }
            return Optional.of(Violation.rule("supplemental-dose-vitals-required", "Vital signs needed first",
                    "The supplemental dose needs vital signs measured at most " + rule.vitalsWithin().toMinutes()
                            + " minutes before it.", params));
        }
        List<VitalFlag> outOfRange = outOfRange(latestVitals.vitals());
        if (!outOfRange.isEmpty()) {
            return Optional.of(Violation.rule("supplemental-dose-vitals-out-of-range", "Vital signs out of range",
                    "The vital signs measured before the supplemental dose are out of range: " + outOfRange + ".",
                    "outOfRange", outOfRange.stream().map(VitalFlag::name).toList(),
                    "vitalsAt", latestVitals.measuredAt().toString()));
        }
        BigDecimal total = doses.stream().map(Dose::amountMg).reduce(amountMg, BigDecimal::add);
        Optional<Violation> maximum = sessionMaximum(total);
        if (maximum.isPresent()) {
            return maximum;
        }
        BigDecimal expected = initial.amountMg().multiply(rule.fractionOfInitial());
        if (expected.compareTo(amountMg) != 0) {
            return Optional.of(Violation.rule("supplemental-dose-amount", "Supplemental dose amount not allowed",
                    "The supplemental dose is " + rule.fractionOfInitial().toPlainString()
                            + " of the initial dose: " + plain(expected).toPlainString() + " mg.",
                    "amountMg", amountMg, "expectedMg", plain(expected),
                    "initialMg", initial.amountMg()));
        }
        return Optional.empty();
    }

    /**
     * Is {@code step} at {@code at} in order with what the session recorded before? Nothing precedes the
     * check-in; the initial dose follows the pre-dose check; a supplemental dose the initial dose; discharge
     * every dose.
     */
    public static Optional<Violation> sequence(SessionStep step, Instant at, SessionTimeline timeline) {
        Optional<Violation> afterCheckIn = notBefore(step, at, SessionStep.CHECK_IN, timeline.checkedInAt());
        if (afterCheckIn.isPresent()) {
            return afterCheckIn;
        }
        return switch (step) {
            case INITIAL_DOSE -> notBefore(step, at, SessionStep.PRE_DOSE_CHECK, timeline.preDoseCheckAt());
            case SUPPLEMENTAL_DOSE -> notBefore(step, at, SessionStep.INITIAL_DOSE, timeline.doses().stream()
                    .filter(d -> d.kind() == DoseKind.INITIAL).map(Dose::administeredAt).findFirst().orElse(null));
            case DISCHARGE -> {
                Dose last = timeline.doses().stream().max(Comparator.comparing(Dose::administeredAt)).orElse(null);
                yield last == null ? Optional.empty() : notBefore(step, at,
                        last.kind() == DoseKind.INITIAL ? SessionStep.INITIAL_DOSE : SessionStep.SUPPLEMENTAL_DOSE,
                        last.administeredAt());
            }
            case CHECK_IN, PRE_DOSE_CHECK, VITALS -> Optional.empty();
        };
    }

    private static Optional<Violation> notBefore(SessionStep step, Instant at, SessionStep earlier, Instant earlierAt) {
        if (earlierAt == null || !at.isBefore(earlierAt)) {
            return Optional.empty();
        }
        return Optional.of(Violation.rule("dosing-sequence-violated", "Out of order in the dosing session",
                step + " at " + at + " cannot come before " + earlier + " at " + earlierAt + ".",
                "step", step.name(), "occurredAt", at.toString(),
                "mustFollow", earlier.name(), "mustFollowAt", earlierAt.toString()));
    }

    /** The session total must not exceed the protocol's maximum. */
    public Optional<Violation> sessionMaximum(BigDecimal totalMg) {
        if (totalMg.compareTo(profile.sessionMaximumMg()) > 0) {
            return Optional.of(Violation.rule("session-maximum-exceeded", "Session maximum exceeded",
                    "The session would total " + totalMg.toPlainString() + " mg; the maximum is "
                            + profile.sessionMaximumMg().toPlainString() + " mg.",
                    "totalMg", totalMg, "maximumMg", profile.sessionMaximumMg()));
        }
        return Optional.empty();
    }

    /**
     * May the session end with discharge at {@code dischargedAt}? Needs an initial dose, the minimum monitoring,
     * and an overnight stay where the protocol requires one.
     */
    public Optional<Violation> completion(Dose initial, Instant dischargedAt, boolean overnightStay) {
        if (initial == null) {
            return Optional.of(Violation.rule("initial-dose-missing", "No initial dose",
                    "A dosing session is completed after its initial dose; abort it otherwise.",
                    "doseKind", "INITIAL"));
        }
        Duration monitored = Duration.between(initial.administeredAt(), dischargedAt);
        if (monitored.compareTo(profile.minimumMonitoring()) < 0) {
            return Optional.of(Violation.rule("monitoring-too-short", "Monitoring too short",
                    "Discharge comes at least " + profile.minimumMonitoring().toMinutes()
                            + " minutes after the initial dose; this is " + monitored.toMinutes() + " minutes after it.",
                    "monitoredMinutes", monitored.toMinutes(),
                    "minimumMonitoringMinutes", profile.minimumMonitoring().toMinutes()));
        }
        if (profile.overnightStayRequired() && !overnightStay) {
            return Optional.of(Violation.rule("overnight-stay-required", "Overnight stay required",
                    "The protocol requires an overnight stay at the site after each dosing session.",
                    "overnightStay", false, "overnightStayRequired", true));
        }
        return Optional.empty();
    }

    /** Whole minutes since the initial dose, or null before it (or without one). */
    public static Integer minutesSinceInitialDose(Dose initial, Instant at) {
        if (initial == null || at.isBefore(initial.administeredAt())) {
            return null;
        }
        return Math.toIntExact(Duration.between(initial.administeredAt(), at).toMinutes());
    }

    /** Without trailing zeros, never in exponent form: 40.0 becomes 40. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Violation safetyHold() {
        return Violation.rule("safety-hold-active", "Safety hold active",
                "The journey is on a safety hold; no dose may be given until it is released.");
    }
}
