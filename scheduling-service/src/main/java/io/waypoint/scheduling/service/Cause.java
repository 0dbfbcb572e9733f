package io.waypoint.scheduling.service;

import io.waypoint.events.common.Envelope;
import java.time.Instant;
import java.util.Objects;

/**
 * Why a state change happens: a REST command (with the time the fact happened) or a consumed event (whose
 * envelope the announcing events point back to).
 */
public record Cause(Instant occurredAt, Envelope upstream) {

    public Cause {
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public static Cause command(Instant occurredAt) {
        return new Cause(occurredAt, null);
    }

    public static Cause event(Envelope upstream) {
        return new Cause(upstream.getOccurredAt(), upstream);
    }

    public boolean fromEvent() {
        return upstream != null;
    }
}
