package io.waypoint.intake.journey;

import java.util.List;
import java.util.UUID;

/**
 * The pseudonymous journey: no identity, only where it stands. {@code eligible} is null until screened;
 * {@code protocolProfile}/{@code protocolVersion} are null until the first screening binds the journey to a
 * profile. {@code lastEventId} is the eventId of the journey's latest event.
 */
public record Journey(String journeyId, String referralId, String siteId, JourneyStatus status, Boolean eligible,
                      List<String> reasons, String protocolProfile, String protocolVersion, UUID lastEventId) {

    public Journey {
        reasons = List.copyOf(reasons);
    }
}
