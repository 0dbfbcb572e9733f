package io.waypoint.scheduling.plan;

import java.time.Instant;

/** A free time and room for a session. */
public record Slot(Instant start, Instant end, Instant roomReservedUntil, String roomId) {
}
