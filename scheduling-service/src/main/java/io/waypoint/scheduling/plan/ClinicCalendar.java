package io.waypoint.scheduling.plan;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When the clinic books sessions: its time zone, opening hours, open days, the step between candidate
 * start times and how far ahead a search looks.
 */
public record ClinicCalendar(ZoneId timeZone, LocalTime opens, LocalTime closes, Set<DayOfWeek> openDays,
                             Duration slotStep, int searchHorizonDays) {

    public ClinicCalendar {
        Objects.requireNonNull(timeZone, "time-zone");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(slotStep, "slot-step");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("The clinic closes after it opens");
        }
        if (slotStep.isNegative() || slotStep.isZero()) {
            throw new IllegalArgumentException("slot-step must be positive");
        }
        if (searchHorizonDays < 1) {
            throw new IllegalArgumentException("search-horizon-days must be at least 1");
        }
        openDays = openDays == null || openDays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(openDays);
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(timeZone).toLocalDate();
    }

    public Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(timeZone).toInstant();
    }

    public Instant closingOf(LocalDate date) {
        return at(date, closes);
    }

    public boolean isOpen(LocalDate date) {
        return openDays.contains(date.getDayOfWeek());
    }
}
