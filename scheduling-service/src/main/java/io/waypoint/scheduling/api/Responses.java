package io.waypoint.scheduling.api;

import io.waypoint.scheduling.dosing.DoseKind;
import io.waypoint.scheduling.dosing.PreDoseItem;
import io.waypoint.scheduling.dosing.VitalFlag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Response bodies. */
public final class Responses {

    private Responses() {
    }

    public record CareTeamView(String journeyId, String leadTherapistId, String coTherapistId) {
    }

    public record PreDoseCheckResult(String appointmentId, boolean passed, List<PreDoseItem> failedItems) {
    }

    public record DoseResult(String appointmentId, int dosingNumber, DoseKind doseKind, BigDecimal amountMg,
                             BigDecimal totalMg, Instant administeredAt, Integer minutesSinceInitialDose) {
    }

    public record VitalsResult(String appointmentId, List<VitalFlag> outOfRange, Integer minutesSinceInitialDose) {
    }

    public record DosingCompletionResult(String appointmentId, int dosingNumber, BigDecimal totalMg,
                                         Instant dischargedAt, boolean overnightStay,
                                         List<AppointmentView> scheduled) {
    }
}
