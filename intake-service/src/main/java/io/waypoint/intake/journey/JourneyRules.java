package io.waypoint.intake.journey;

import io.waypoint.platform.rules.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The order of intake: referral, screening (repeatable until consent, e.g. after a medication taper), consent
 * (only when eligible), enrollment (only after consent, with a baseline CAPS-5 at the profile's threshold);
 * withdrawal from any state but WITHDRAWN. Neither a referral nor a screening may fall before the patient's birth
 * date (both dates on the site's clock).
 */
public final class JourneyRules {

    public static final String JOURNEY_WITHDRAWN = "journey-withdrawn";
    public static final String SCREENING_CLOSED = "screening-closed";
    public static final String SCREENING_MISSING = "screening-missing";
    public static final String NOT_ELIGIBLE = "not-eligible";
    public static final String CONSENT_ALREADY_RECORDED = "consent-already-recorded";
    public static final String OVERNIGHT_STAY_NOT_AGREED = "overnight-stay-not-agreed";
    public static final String CONSENT_MISSING = "consent-missing";
    public static final String BASELINE_BELOW_THRESHOLD = "baseline-below-threshold";
    public static final String ALREADY_ENROLLED = "already-enrolled";
    public static final String BIRTH_DATE_AFTER_REFERRAL = "birth-date-after-referral";
    public static final String SCREENING_BEFORE_BIRTH = "screening-before-birth";

    private JourneyRules() {
    }

    /** A referral names a patient born on or before the day of the referral. */
    public static Optional<Violation> referral(LocalDate birthDate, LocalDate referredOn) {
        if (birthDate.isAfter(referredOn)) {
            return Optional.of(Violation.rule(BIRTH_DATE_AFTER_REFERRAL, "Birth date after referral",
                    "The birth date is after the referral date."));
        }
        return Optional.empty();
    }

    /** A screening takes place on or after the patient's birth date. */
    public static Optional<Violation> screeningDate(LocalDate birthDate, LocalDate screenedOn) {
        if (screenedOn.isBefore(birthDate)) {
            return Optional.of(Violation.rule(SCREENING_BEFORE_BIRTH, "Screening before birth",
                    "The screening date is before the patient's birth date."));
        }
        return Optional.empty();
    }

    public static Optional<Violation> screening(JourneyStatus status) {
        return switch (status) {
            case REFERRED, ELIGIBLE, INELIGIBLE -> Optional.empty();
            case CONSENTED, ENROLLED -> Optional.of(Violation.conflict(SCREENING_CLOSED,
                    "Screening is closed once consent is recorded; the journey is " + status + "."));
            case WITHDRAWN -> withdrawn();
        };
    }

    public static Optional<Violation> consent(JourneyStatus status, List<String> reasons) {
        return switch (status) {
            case ELIGIBLE -> Optional.empty();
            case REFERRED -> Optional.of(Violation.conflict(SCREENING_MISSING,
                    "Consent needs an eligibility decision; the journey has not been screened."));
            case INELIGIBLE -> Optional.of(notEligible(reasons));
            case CONSENTED, ENROLLED -> Optional.of(Violation.conflict(CONSENT_ALREADY_RECORDED,
                    "Consent is already recorded; the journey is " + status + "."));
            case WITHDRAWN -> withdrawn();
        };
    }

    /** A profile may require the overnight stay after each dosing session as a condition of consent. */
    public static Optional<Violation> consentTerms(boolean overnightStayAgreed, boolean overnightStayRequired) {
        if (overnightStayRequired && !overnightStayAgreed) {
            return Optional.of(Violation.rule(OVERNIGHT_STAY_NOT_AGREED, "Overnight stay not agreed",
                    "The protocol requires agreement to stay overnight after each dosing session.",
                    "overnightStayRequired", true));
        }
        return Optional.empty();
    }

    /** Enrollment follows consent, which follows a favourable eligibility decision. */
    public static Optional<Violation> enrollment(JourneyStatus status, List<String> reasons) {
        return switch (status) {
            case CONSENTED -> Optional.empty();
            case REFERRED -> Optional.of(Violation.conflict(SCREENING_MISSING,
                    "Enrollment needs a screening, an eligibility decision and consent."));
            case INELIGIBLE -> Optional.of(notEligible(reasons));
            case ELIGIBLE -> Optional.of(Violation.rule(CONSENT_MISSING, "Consent missing",
                    "Enrollment needs recorded informed consent."));
            case ENROLLED -> Optional.of(Violation.conflict(ALREADY_ENROLLED, "The journey is already enrolled."));
            case WITHDRAWN -> withdrawn();
        };
    }

    /** The baseline CAPS-5 total must reach the profile's severity threshold. */
    public static Optional<Violation> baseline(int baselineCaps5Total, int minCaps5Total) {
        if (baselineCaps5Total >= minCaps5Total) {
            return Optional.empty();
        }
        return Optional.of(Violation.rule(BASELINE_BELOW_THRESHOLD, "Baseline CAPS-5 below threshold",
                "The baseline CAPS-5 total " + baselineCaps5Total + " is below the protocol's minimum of "
                        + minCaps5Total + ".",
                "baselineCaps5Total", baselineCaps5Total, "minCaps5Total", minCaps5Total));
    }

    public static Optional<Violation> withdrawal(JourneyStatus status) {
        return status == JourneyStatus.WITHDRAWN ? withdrawn() : Optional.empty();
    }

    private static Violation notEligible(List<String> reasons) {
        return Violation.rule(NOT_ELIGIBLE, "Not eligible",
                "The patient is not eligible: " + String.join(", ", reasons) + ".",
                "reasons", List.copyOf(reasons));
    }

    private static Optional<Violation> withdrawn() {
        return Optional.of(Violation.conflict(JOURNEY_WITHDRAWN, "The journey is withdrawn."));
    }
}
