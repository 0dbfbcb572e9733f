package io.waypoint.intake.journey;

/**
 * Where a journey stands in intake. A screening and its eligibility decision are recorded together, so a
 * screened journey is immediately ELIGIBLE or INELIGIBLE.
 */
public enum JourneyStatus {
    REFERRED, ELIGIBLE, INELIGIBLE, CONSENTED, ENROLLED, WITHDRAWN
}
