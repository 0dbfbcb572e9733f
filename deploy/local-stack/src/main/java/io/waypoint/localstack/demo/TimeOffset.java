package io.waypoint.localstack.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * An ISO-8601 amount of time with calendar and clock parts ({@code P520D}, {@code PT30M}, {@code P6M},
 * {@code P1DT2H}); calendar parts are applied in UTC.
 */
public record TimeOffset(Period period, Duration duration) {

    public static TimeOffset parse(String text) {
        String iso = text.trim();
        int time = iso.indexOf('T');
        if (time < 0) {
            return new TimeOffset(Period.parse(iso), Duration.ZERO);
        }
        String datePart = iso.substring(0, time);
        Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
        return new TimeOffset(period, Duration.parse("P" + iso.substring(time)));
    }

    public Instant after(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).plus(period).toInstant().plus(duration);
    }

    public Instant before(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).minus(period).toInstant().minus(duration);
    }

    @Override
    public String toString() {
        return (period.isZero() ? "P" : period.toString()) + (duration.isZero() ? "" : duration.toString().substring(1));
    }
}
