package io.waypoint.scheduling.appointment;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an appointment. A booked appointment is checked in, missed or cancelled; a checked-in one is
 * completed, or (a dosing session) aborted. Nothing leaves a final state. A withdrawal ends a checked-in session
 * regardless: a dosing session is aborted, another session cancelled.
 */
public enum AppointmentStatus {
    SCHEDULED,
    CHECKED_IN,
    COMPLETED,
    MISSED,
    CANCELLED,
    ABORTED;

    public Set<AppointmentStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(CHECKED_IN, MISSED, CANCELLED);
            case CHECKED_IN -> EnumSet.of(COMPLETED, ABORTED);
            case COMPLETED, MISSED, CANCELLED, ABORTED -> EnumSet.noneOf(AppointmentStatus.class);
        };
    }

    public boolean canMoveTo(AppointmentStatus target) {
        return next().contains(target);
    }
}
