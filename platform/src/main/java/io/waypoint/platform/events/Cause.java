package io.waypoint.platform.events;

import io.waypoint.events.common.Envelope;
import java.util.UUID;

/**
 * Why an event is written: the project's one causation rule. An event written while a consumed record is handled
 * names that record's eventId as its {@code causationId}; an event written by a REST command names none (the
 * command is its cause, and the command's {@code Idempotency-Key} is no event). Every event written in one
 * transaction has the same cause. The {@code correlationId} is always the journeyId.
 */
public record Cause(UUID eventId) {

    private static final Cause COMMAND = new Cause(null);

    /** The consumed record whose handling writes the event. */
    public static Cause of(Envelope consumed) {
        return new Cause(consumed.getEventId());
    }

    /** A REST command: no causing event. */
    public static Cause command() {
        return COMMAND;
    }

    /** The causationId to write, or null. */
    public String causationId() {
        return eventId == null ? null : eventId.toString();
    }
}
