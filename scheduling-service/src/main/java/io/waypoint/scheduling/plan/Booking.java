package io.waypoint.scheduling.plan;

import java.time.Instant;
import java.util.List;

/** What an existing appointment occupies: its room until {@code roomUntil}, its therapists until {@code end}. */
public record Booking(String appointmentId, String roomId, List<String> therapistIds, Instant start, Instant end,
                      Instant roomUntil) {

    public Booking {
        therapistIds = List.copyOf(therapistIds);
    }
}
