package io.waypoint.intake.api;

import io.waypoint.platform.validation.NotAfterNow;
import io.waypoint.intake.journey.EnrollmentCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

record EnrollmentRequest(
        @NotNull @Min(0) @Max(80) Integer baselineCaps5Total,
        @NotNull @NotAfterNow Instant baselineAt,
        @NotNull Boolean pregnancyTestRequired,
        @NotNull @NotAfterNow Instant occurredAt) {

    EnrollmentCommand toCommand() {
        return new EnrollmentCommand(baselineCaps5Total, baselineAt, pregnancyTestRequired, occurredAt);
    }
}
