package io.waypoint.intake.api;

import io.waypoint.platform.validation.NotAfterNow;
import io.waypoint.intake.journey.WithdrawalCommand;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** {@code reason} is a reason code (e.g. PARTICIPANT_DECISION), not free text: it is published. */
record WithdrawalRequest(
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String reason,
        @NotNull @NotAfterNow Instant occurredAt) {

    WithdrawalCommand toCommand() {
        return new WithdrawalCommand(reason, occurredAt);
    }
}
