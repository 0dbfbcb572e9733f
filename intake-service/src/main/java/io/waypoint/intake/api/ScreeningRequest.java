package io.waypoint.intake.api;

import io.waypoint.platform.validation.NotAfterNow;
import io.waypoint.intake.eligibility.CssrsScreen;
import io.waypoint.intake.journey.ScreeningCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;

/** Screening answers; exclusion codes and medication classes are protocol codes (they are published). */
record ScreeningRequest(
        @NotNull @Min(0) @Max(1200) Integer ptsdDurationMonths,
        @NotNull @Min(0) @Max(80) Integer caps5Total,
        @NotNull @Valid Cssrs cssrs,
        List<@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String> exclusionCodes,
        List<@NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String> medicationClasses,
        @NotNull @NotAfterNow Instant occurredAt) {

    record Cssrs(@NotNull Boolean wishToBeDead, @NotNull Boolean activeThoughts,
                        @NotNull Boolean methodThoughts, @NotNull Boolean intent, @NotNull Boolean planWithIntent,
                        @NotNull Boolean recentBehaviour) {
    }

    ScreeningCommand toCommand() {
        return new ScreeningCommand(ptsdDurationMonths, caps5Total,
                new CssrsScreen(cssrs.wishToBeDead(), cssrs.activeThoughts(), cssrs.methodThoughts(), cssrs.intent(),
                        cssrs.planWithIntent(), cssrs.recentBehaviour()),
                exclusionCodes, medicationClasses, occurredAt);
    }
}
