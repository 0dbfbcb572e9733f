package io.waypoint.scheduling.app;

import io.waypoint.platform.events.Cause;
import java.time.Instant;
import java.util.Objects;

/**
 * A journey enrolled by intake, as scheduling plans it.
 *
 * @param protocolProfile the protocol profile the journey follows; null when the enrollment names none
 * @param enrolledAt      when the enrollment happened
 */
public record Enrollment(String journeyId, String protocolProfile, String protocolVersion, String siteId,
                         boolean pregnancyTestRequired, Instant baselineAt, Instant enrolledAt, Cause cause) {

    public Enrollment {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(cause, "cause");
    }
}
