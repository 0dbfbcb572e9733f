package io.waypoint.followup.obligation;

import java.time.Instant;

/**
 * An obligation of a journey; {@code dosingNumber} is 0 when it is not tied to one dosing session;
 * {@code causeEventId} is the event that opened it; {@code cancelledAt} is when the journey was withdrawn, for a
 * CANCELLED obligation.
 */
public record Obligation(String obligationId, String journeyId, String kind, int dosingNumber, Instant dueAt,
                         ObligationStatus status, Instant metAt, Boolean onTime, Instant openedAt,
                         String causeEventId, Instant cancelledAt) {
}
