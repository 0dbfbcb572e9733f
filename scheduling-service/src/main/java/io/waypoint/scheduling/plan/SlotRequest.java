package io.waypoint.scheduling.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * What a slot search looks for.
 *
 * @param duration        how long the session takes (the therapists are busy this long)
 * @param roomReservation how long the room is held from the start (at least the duration)
 * @param dayStart        the first start time of each day
 * @param earliest        no start before this
 * @param latestStart     no start after this; null to search the configured horizon
 * @param roomIds         the rooms that suit the session, best first
 * @param therapistIds    every therapist who must be free
 */
public record SlotRequest(Duration duration, Duration roomReservation, LocalTime dayStart, Instant earliest,
                          Instant latestStart, List<String> roomIds, List<String> therapistIds) {

    public SlotRequest {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(roomReservation, "roomReservation");
        Objects.requireNonNull(dayStart, "dayStart");
        Objects.requireNonNull(earliest, "earliest");
        if (roomReservation.compareTo(duration) < 0) {
            throw new IllegalArgumentException("A room is held at least as long as the session");
        }
        roomIds = List.copyOf(roomIds);
        therapistIds = List.copyOf(therapistIds);
    }
}
