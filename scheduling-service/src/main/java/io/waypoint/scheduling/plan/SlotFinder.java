package io.waypoint.scheduling.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * Finds the first free slot: day by day from the earliest date (or over given dates in a given order), on open
 * days, from the day's start time (or the earliest instant, if later) in steps, so that the session ends by
 * closing time and starts no later than the latest start. A slot is free when every therapist is free for the
 * session and a suitable room is free for its reservation.
 */
public final class SlotFinder {

    private final ClinicCalendar calendar;

    public SlotFinder(ClinicCalendar calendar) {
        this.calendar = calendar;
    }

    public Optional<Slot> find(SlotRequest request, Occupancy occupancy) {
        LocalDate firstDate = calendar.dateOf(request.earliest());
        LocalDate lastDate = request.latestStart() != null ? calendar.dateOf(request.latestStart())
                : firstDate.plusDays(calendar.searchHorizonDays());
        for (LocalDate date = firstDate; !date.isAfter(lastDate); date = date.plusDays(1)) {
            Optional<Slot> slot = findOn(date, request, occupancy);
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    /** The first free slot on the first of {@code dates}, in their order, that has one. */
    public Optional<Slot> find(SlotRequest request, List<LocalDate> dates, Occupancy occupancy) {
        for (LocalDate date : dates) {
            Optional<Slot> slot = findOn(date, request, occupancy);
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    private Optional<Slot> findOn(LocalDate date, SlotRequest request, Occupancy occupancy) {
        if (!calendar.isOpen(date)) {
            return Optional.empty();
        }
        LocalTime dayStart = request.dayStart().isBefore(calendar.opens()) ? calendar.opens() : request.dayStart();
        Instant closing = calendar.closingOf(date);
        Instant candidate = max(calendar.at(date, dayStart), request.earliest());
        while (!candidate.plus(request.duration()).isAfter(closing)) {
            if (request.latestStart() != null && candidate.isAfter(request.latestStart())) {
                return Optional.empty();
            }
            Optional<Slot> slot = slotAt(candidate, request, occupancy);
            if (slot.isPresent()) {
                return slot;
            }
            candidate = candidate.plus(calendar.slotStep());
        }
        return Optional.empty();
    }

    private static Optional<Slot> slotAt(Instant start, SlotRequest request, Occupancy occupancy) {
        Instant end = start.plus(request.duration());
        for (String therapist : request.therapistIds()) {
            if (!occupancy.therapistFree(therapist, start, end)) {
                return Optional.empty();
            }
        }
        Instant roomUntil = start.plus(request.roomReservation());
        return request.roomIds().stream()
                .filter(room -> occupancy.roomFree(room, start, roomUntil))
                .findFirst()
                .map(room -> new Slot(start, end, roomUntil, room));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
