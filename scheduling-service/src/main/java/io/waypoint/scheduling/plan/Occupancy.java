package io.waypoint.scheduling.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The busy intervals (half-open: [start, end)) of rooms and therapists. */
public final class Occupancy {

    private final Map<String, List<Interval>> rooms = new HashMap<>();
    private final Map<String, List<Interval>> therapists = new HashMap<>();

    public static Occupancy of(List<Booking> bookings) {
        Occupancy occupancy = new Occupancy();
        bookings.forEach(occupancy::add);
        return occupancy;
    }

    public void add(Booking booking) {
        rooms.computeIfAbsent(booking.roomId(), id -> new ArrayList<>())
                .add(new Interval(booking.start(), booking.roomUntil()));
        for (String therapist : booking.therapistIds()) {
            therapists.computeIfAbsent(therapist, id -> new ArrayList<>())
                    .add(new Interval(booking.start(), booking.end()));
        }
    }

    public boolean roomFree(String roomId, Instant from, Instant to) {
        return free(rooms.get(roomId), from, to);
    }

    public boolean therapistFree(String therapistId, Instant from, Instant to) {
        return free(therapists.get(therapistId), from, to);
    }

    private static boolean free(List<Interval> busy, Instant from, Instant to) {
        if (busy == null) {
            return true;
        }
        for (Interval interval : busy) {
            if (interval.start().isBefore(to) && from.isBefore(interval.end())) {
                return false;
            }
        }
        return true;
    }

    private record Interval(Instant start, Instant end) {
    }
}
