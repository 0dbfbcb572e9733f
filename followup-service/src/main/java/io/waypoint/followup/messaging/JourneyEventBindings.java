package io.waypoint.followup.messaging;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.followup.app.CourseTracker;
import io.waypoint.followup.app.Observed;
import io.waypoint.followup.app.Timeline;
import io.waypoint.followup.journey.ProtocolVersion;
import io.waypoint.followup.journey.TimelineEntry;
import io.waypoint.platform.messaging.EventBindings;
import io.waypoint.platform.messaging.InboundEvent;
import io.waypoint.schemas.Events;
import io.waypoint.schemas.Topic;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The binding {@code journeyEvents}: every Waypoint topic without identifying data (all but waypoint.frontdesk.v1,
 * group followup-service). Each event is handled once (by eventId, in the platform's inbox), lands on its
 * journey's timeline, and, when another service wrote it, moves the journey on. This service's own events
 * (waypoint.followup.v1, waypoint.notifications.v1) are only recorded on the timeline: their effects were applied
 * when they were written. An event of a journey whose protocol profile is not configured is dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class JourneyEventBindings {

    private static final Set<String> OWN_TOPICS = Set.of(Topic.FOLLOWUP.topicName(), Topic.NOTIFICATIONS.topicName());

    @Bean
    Consumer<Message<List<byte[]>>> journeyEvents(EventBindings bindings, Timeline timeline, CourseTracker tracker) {
        return bindings.consumer(in -> {
            Envelope envelope = in.envelope();
            timeline.record(entry(in));
            if (envelope.getJourneyId() == null || OWN_TOPICS.contains(in.topic())) {
                return;
            }
            tracker.apply(new Observed(envelope.getJourneyId(), envelope.getOccurredAt(),
                    protocol(envelope.getProtocol()), in.cause()), JourneyFacts.of(in.event()));
        });
    }

    private static TimelineEntry entry(InboundEvent in) {
        Envelope envelope = in.envelope();
        return new TimelineEntry(envelope.getEventId(), envelope.getJourneyId(), in.topic(), Events.type(in.event()),
                envelope.getOccurredAt(), envelope.getRecordedAt(), EventSummaries.of(in.event()));
    }

    private static ProtocolVersion protocol(ProtocolRef protocol) {
        return protocol == null ? null : new ProtocolVersion(protocol.getProfile(), protocol.getVersion());
    }
}
