package io.waypoint.followup.journey;

/** The kind of a scheduled session; UNKNOWN for a kind this service does not know yet. */
public enum SessionKind {
    PREPARATORY, DOSING, INTEGRATION, ASSESSMENT, UNKNOWN
}
