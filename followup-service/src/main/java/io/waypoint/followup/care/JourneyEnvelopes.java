package io.waypoint.followup.care;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.followup.store.JourneyRow;
import io.waypoint.platform.events.EnvelopeFactory;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Envelopes for the events this service writes about a journey: they carry the journey's protocol. */
@Component
public class JourneyEnvelopes {

    private final EnvelopeFactory envelopes;

    public JourneyEnvelopes(EnvelopeFactory envelopes) {
        this.envelopes = envelopes;
    }

    /** An event caused by another: same correlation, causation = the cause's event id. */
    public Envelope causedBy(JourneyRow journey, Envelope cause, Instant occurredAt) {
        ProtocolRef protocol = journey.protocol() != null ? journey.protocol() : cause.getProtocol();
        return envelopes.next(journey.journeyId(), occurredAt, protocol, cause.getCorrelationId(),
                cause.getEventId().toString());
    }

    /** An event starting a new chain: a REST command or a scheduled scan. */
    public Envelope fresh(JourneyRow journey, Instant occurredAt) {
        return envelopes.next(journey.journeyId(), occurredAt, journey.protocol(), null, null);
    }
}
