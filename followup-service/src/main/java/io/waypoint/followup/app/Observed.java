package io.waypoint.followup.app;

import io.waypoint.followup.journey.ProtocolVersion;
import io.waypoint.platform.events.Cause;
import java.time.Instant;
import java.util.Objects;

/**
 * An event of another service about a journey, as it is handled here: when it happened, the protocol it names
 * (null when it names none) and the cause every event written while handling it names.
 */
public record Observed(String journeyId, Instant occurredAt, ProtocolVersion protocol, Cause cause) {

    public Observed {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(cause, "cause");
    }
}
