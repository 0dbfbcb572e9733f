package io.waypoint.followup.obligation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An open obligation is overdue when its deadline has passed and this service has known it for at least
 * {@code grace}: a journey whose events arrive late (a backfill) gets the chance to show the obligation was met
 * before anyone is alerted.
 */
public record OverdueRule(Duration grace) {

    public OverdueRule {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
    }

    public boolean isOverdue(Instant dueAt, Instant knownSince, Instant now) {
        return dueAt.isBefore(now) && !knownSince.plus(grace).isAfter(now);
    }

    /** Obligations known at or before this instant have been known for the grace. */
    public Instant knownBy(Instant now) {
        return now.minus(grace);
    }
}
