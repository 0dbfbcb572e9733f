package io.waypoint.followup.app;

import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.protocol.FollowupProtocol;
import io.waypoint.followup.protocol.Protocols;
import io.waypoint.platform.rules.Violation;
import org.springframework.stereotype.Component;

/**
 * The protocol profile a journey follows. A journey naming a profile this service has no configuration for is a
 * broken rule: a REST command on it is refused (422), an event of it is dead-lettered.
 */
@Component
class JourneyProtocols {

    private final Protocols protocols;

    JourneyProtocols(Protocols protocols) {
        this.protocols = protocols;
    }

    FollowupProtocol of(Journey journey) {
        return protocols.forJourney(journey.protocolProfile()).orElseThrow(() -> Violation.rule(
                "protocol-not-configured", "Protocol not configured",
                "The journey follows a protocol profile this service has no configuration for.",
                "profile", journey.protocolProfile()).reject());
    }
}
