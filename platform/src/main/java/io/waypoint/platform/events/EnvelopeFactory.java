package io.waypoint.platform.events;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** Builds the envelope every record carries: a new eventId, who wrote it, and when it was recorded. */
public class EnvelopeFactory {

    private final Clock clock;
    private final String source;

    public EnvelopeFactory(Clock clock, String source) {
        this.clock = clock;
        this.source = source;
    }

    public Envelope next(String journeyId, Instant occurredAt, ProtocolRef protocol, String correlationId,
                         String causationId) {
        Objects.requireNonNull(occurredAt, "occurredAt");
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID())
                .setJourneyId(journeyId)
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS))
                .setRecordedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setProtocol(protocol)
                .setSource(source)
                .setCorrelationId(correlationId != null ? correlationId : journeyId != null ? journeyId : UUID.randomUUID().toString())
                .setCausationId(causationId)
                .build();
    }

    /** An envelope for an event caused by another: same journey, protocol and correlation. */
    public Envelope causedBy(Envelope cause, Instant occurredAt) {
        return next(cause.getJourneyId(), occurredAt, cause.getProtocol(), cause.getCorrelationId(),
                cause.getEventId().toString());
    }

    public String source() {
        return source;
    }
}
