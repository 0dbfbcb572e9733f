package io.waypoint.intake.journey;

import io.waypoint.intake.eligibility.CssrsScreen;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

public record ScreeningCommand(int ptsdDurationMonths, int caps5Total, CssrsScreen cssrs, List<String> exclusionCodes,
                               List<String> medicationClasses, Instant occurredAt) {

    public ScreeningCommand {
        exclusionCodes = codes(exclusionCodes);
        medicationClasses = codes(medicationClasses);
    }

    /** Protocol codes in their canonical upper-case form; an absent list is empty. */
    private static List<String> codes(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(value -> value.trim().toUpperCase(Locale.ROOT)).distinct().toList();
    }
}
