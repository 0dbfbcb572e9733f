package io.waypoint.scheduling.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * What scheduling keeps about a journey: the protocol it follows, whether pre-dose pregnancy tests apply, and
 * its care team for the whole journey.
 */
public record JourneyPlan(String journeyId, String protocolProfile, String protocolVersion, String correlationId,
                          String siteId, boolean pregnancyTestRequired, Instant baselineAt, Instant enrolledAt,
                          CareTeam careTeam, Instant withdrawnAt) {

    public JourneyPlan {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(protocolProfile, "protocolProfile");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(careTeam, "careTeam");
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
