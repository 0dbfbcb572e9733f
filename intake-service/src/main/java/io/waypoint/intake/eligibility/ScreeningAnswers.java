package io.waypoint.intake.eligibility;

import java.util.List;
import java.util.Objects;

/** What a screening establishes, as numbers and protocol codes. Age is already computed at screening time. */
public record ScreeningAnswers(int ageYears, int ptsdDurationMonths, int caps5Total, CssrsScreen cssrs,
                               List<String> exclusionCodes, List<String> medicationClasses) {

    public ScreeningAnswers {
        Objects.requireNonNull(cssrs, "cssrs");
        exclusionCodes = List.copyOf(exclusionCodes);
        medicationClasses = List.copyOf(medicationClasses);
    }
}
