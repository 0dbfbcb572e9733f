package io.waypoint.followup.store;

import java.time.Instant;
import java.util.UUID;

public record TimelineEntry(UUID eventId, String journeyId, String topic, String type, Instant occurredAt,
                            Instant recordedAt, String summary) {
}
