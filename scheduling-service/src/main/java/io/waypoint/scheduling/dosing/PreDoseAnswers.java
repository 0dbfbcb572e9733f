package io.waypoint.scheduling.dosing;

import java.util.Objects;

/**
 * What was found before dosing.
 *
 * @param pregnancyTestNegative null when no test was done
 */
public record PreDoseAnswers(Boolean pregnancyTestNegative, boolean fastingConfirmed,
                             boolean contraindicatedMedicationAbsent, boolean cssrsNegative, VitalSigns vitals) {

    public PreDoseAnswers {
        Objects.requireNonNull(vitals, "vitals");
    }
}
