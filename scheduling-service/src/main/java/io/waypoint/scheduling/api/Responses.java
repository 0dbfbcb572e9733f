package io.waypoint.scheduling.api;

import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.dosing.DoseKind;
import io.waypoint.scheduling.dosing.PreDoseItem;
import io.waypoint.scheduling.dosing.VitalFlag;
import io.waypoint.scheduling.plan.PendingBooking;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Response bodies. */
final class Responses {

    private Responses() {
    }

    record CareTeamView(String journeyId, String leadTherapistId, String coTherapistId) {
    }

    record PreDoseCheckResult(String appointmentId, boolean passed, List<PreDoseItem> failedItems) {
    }

    record DoseResult(String appointmentId, int dosingNumber, DoseKind doseKind, BigDecimal amountMg,
                             BigDecimal totalMg, Instant administeredAt, Integer minutesSinceInitialDose) {
    }

    record VitalsResult(String appointmentId, List<VitalFlag> outOfRange, Integer minutesSinceInitialDose) {
    }

    /**
     * @param scheduled       the sessions booked after the dosing session, by start
     * @param bookingsPending the sessions that found no free slot and need booking by hand
     */
    record DosingCompletionResult(String appointmentId, int dosingNumber, BigDecimal totalMg,
                                         Instant dischargedAt, boolean overnightStay,
                                         List<AppointmentView> scheduled, List<PendingBookingView> bookingsPending) {
    }

    /** A session not booked: where its slot was sought. */
    record PendingBookingView(AppointmentKind kind, int sequence, Integer dosingNumber, Instant earliest,
                                     Instant latestStart) {

        static PendingBookingView of(PendingBooking pending) {
            return new PendingBookingView(pending.kind(), pending.sequence(), pending.dosingNumber(),
                    pending.earliest(), pending.latestStart());
        }
    }
}
