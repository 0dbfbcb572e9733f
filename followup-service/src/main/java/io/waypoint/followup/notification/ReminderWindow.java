package io.waypoint.followup.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A session is reminded of when it starts within the lead time from now, and has not started yet. */
public record ReminderWindow(Duration leadTime) {

    public ReminderWindow {
        Objects.requireNonNull(leadTime, "leadTime");
    }

    public boolean due(Instant sessionStart, Instant now) {
        return sessionStart.isAfter(now) && !sessionStart.isAfter(latestStart(now));
    }

    public Instant latestStart(Instant now) {
        return now.plus(leadTime);
    }
}
