package io.waypoint.scheduling.dosing;

/** What is recorded in a dosing session, each at the time it happened. */
public enum SessionStep {
    CHECK_IN,
    PRE_DOSE_CHECK,
    INITIAL_DOSE,
    SUPPLEMENTAL_DOSE,
    VITALS,
    DISCHARGE
}
