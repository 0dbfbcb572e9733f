package io.waypoint.scheduling.plan;

import io.waypoint.scheduling.appointment.AppointmentKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A session that should have been booked but found no free slot where it was sought; it waits for the site to
 * book it by hand.
 *
 * @param dosingNumber the dosing cycle; null for a preparatory session
 * @param earliest     the earliest start that was searched
 * @param latestStart  the latest start that was searched; null when the search ran to the horizon
 */
public record PendingBooking(AppointmentKind kind, int sequence, Integer dosingNumber, Instant earliest,
                             Instant latestStart) {

    public PendingBooking {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(earliest, "earliest");
    }
}
