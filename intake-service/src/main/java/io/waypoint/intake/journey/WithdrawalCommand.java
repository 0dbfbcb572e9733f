package io.waypoint.intake.journey;

import java.time.Instant;
import java.util.Locale;

/** {@code reason} is a reason code, never free text: it is published. Kept in its upper-case form. */
public record WithdrawalCommand(String reason, Instant occurredAt) {

    public WithdrawalCommand {
        reason = reason.trim().toUpperCase(Locale.ROOT);
    }
}
