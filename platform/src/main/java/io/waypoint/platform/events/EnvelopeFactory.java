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

    /**
     * The envelope of an event of a journey, under the project's causation rule ({@link Cause}): correlated by the
     * journeyId, caused by the consumed record being handled, or by no event when a REST command writes it.
     */
    public Envelope next(String journeyId, Instant occurredAt, ProtocolRef protocol, Cause cause) {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(cause, "cause");
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID())
                .setJourneyId(journeyId)
                .setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS))
                .setRecordedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setProtocol(protocol)
                .setSource(source)
                .setCorrelationId(journeyId)
                .setCausationId(cause.causationId())
                .build();
    }

    public String source() {
        return source;
    }
}
