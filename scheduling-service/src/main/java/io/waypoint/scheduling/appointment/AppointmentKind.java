package io.waypoint.scheduling.appointment;

/** What an appointment is for. */
public enum AppointmentKind {
    PREPARATORY,
    DOSING,
    INTEGRATION
}
