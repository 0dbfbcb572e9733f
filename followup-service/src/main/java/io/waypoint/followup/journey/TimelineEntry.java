package io.waypoint.followup.journey;

import java.time.Instant;
import java.util.UUID;

/** One event of a journey on the ops timeline, with its one-line summary. */
public record TimelineEntry(UUID eventId, String journeyId, String topic, String type, Instant occurredAt,
                            Instant recordedAt, String summary) {
}
