package io.waypoint.scheduling.appointment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One booked session of a journey, always with both therapists of the journey's care team. The room stays
 * reserved until {@code roomReservedUntil}, which is later than {@code end} for a dosing session followed
 * by an overnight stay.
 *
 * @param sequence     1-based number within its kind (within its dosing cycle for integration sessions)
 * @param dosingNumber the dosing cycle of a dosing or integration session; null for preparatory sessions
 */
public record Appointment(String appointmentId, String journeyId, AppointmentKind kind, int sequence,
                          Integer dosingNumber, Instant start, Instant end, Instant roomReservedUntil,
                          String roomId, String leadTherapistId, String coTherapistId, AppointmentStatus status) {

    public Appointment {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(roomReservedUntil, "roomReservedUntil");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(leadTherapistId, "leadTherapistId");
        Objects.requireNonNull(coTherapistId, "coTherapistId");
        Objects.requireNonNull(status, "status");
        if (!end.isAfter(start) || roomReservedUntil.isBefore(end)) {
            throw new IllegalArgumentException("An appointment ends after it starts and holds its room until its end");
        }
    }

    public List<String> therapistIds() {
        return List.of(leadTherapistId, coTherapistId);
    }

    public Appointment withStatus(AppointmentStatus newStatus) {
        return new Appointment(appointmentId, journeyId, kind, sequence, dosingNumber, start, end, roomReservedUntil,
                roomId, leadTherapistId, coTherapistId, newStatus);
    }
}
