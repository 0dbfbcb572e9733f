package io.waypoint.scheduling.dosing;

/** The items of the pre-dose checklist; each must pass before the initial dose. */
public enum PreDoseItem {
    /** Same-day pregnancy test negative, where the journey requires one. */
    PREGNANCY_TEST_NEGATIVE,
    FASTING_CONFIRMED,
    NO_CONTRAINDICATED_MEDICATION,
    /** C-SSRS since the last visit negative. */
    CSSRS_NEGATIVE,
    VITALS_WITHIN_LIMITS,
    NO_SAFETY_HOLD
}
