package io.waypoint.scheduling.app;

import io.waypoint.platform.events.Cause;
import java.time.Instant;
import java.util.Objects;

/**
 * A command about one booked session, from a REST request or a consumed front-desk event.
 *
 * @param journeyId  the journey a consumed event names for the appointment (it must be the appointment's own); null
 *                   from REST
 * @param occurredAt when the fact happened: the request's {@code occurredAt}, or the consumed event's
 * @param cause      what the events the command writes name as their cause
 */
public record SessionCommand(String appointmentId, String journeyId, Instant occurredAt, Cause cause) {

    public SessionCommand {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(cause, "cause");
    }

    /** A REST command: it names no journey and no causing event. */
    public static SessionCommand rest(String appointmentId, Instant occurredAt) {
        return new SessionCommand(appointmentId, null, occurredAt, Cause.command());
    }

    /** Handling a consumed event: a repeat of a state already reached then has no further effect. */
    boolean fromEvent() {
        return cause.eventId() != null;
    }
}
