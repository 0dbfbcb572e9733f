package io.waypoint.followup.messaging;

import io.waypoint.events.common.Envelope;
import io.waypoint.followup.care.CourseTracker;
import io.waypoint.followup.protocol.Protocols.UnknownProtocolException;
import io.waypoint.followup.store.TimelineEntry;
import io.waypoint.followup.store.TimelineStore;
import io.waypoint.platform.inbox.Inbox;
import io.waypoint.platform.messaging.NonRetryableEventException;
import io.waypoint.schemas.Events;
import io.waypoint.schemas.Topic;
import java.util.Arrays;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes every Waypoint topic without identifying data (all but waypoint.frontdesk.v1). Each event is handled
 * once (by eventId), lands on its journey's timeline, and, when another service wrote it, moves the journey on.
 * This service's own events are only recorded on the timeline: their effects were applied when they were written.
 */
@Component
public class JourneyEventListener {

    public static final String GROUP = "followup-service";

    /** The topics consumed, from the catalogue. */
    public static final String[] TOPICS = Arrays.stream(Topic.values()).filter(t -> !t.identifying())
            .map(Topic::topicName).toArray(String[]::new);

    private static final Set<String> OWN_TOPICS = Set.of(Topic.FOLLOWUP.topicName(), Topic.NOTIFICATIONS.topicName());

    private final Inbox inbox;
    private final TimelineStore timeline;
    private final CourseTracker tracker;

    public JourneyEventListener(Inbox inbox, TimelineStore timeline, CourseTracker tracker) {
        this.inbox = inbox;
        this.timeline = timeline;
        this.tracker = tracker;
    }

    @KafkaListener(id = "followup-journey-events", groupId = GROUP,
            topics = "#{T(io.waypoint.followup.messaging.JourneyEventListener).TOPICS}")
    @Transactional
    public void on(SpecificRecord event, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic) {
        Envelope envelope = Events.envelopeOf(event);
        if (!inbox.firstDelivery(envelope.getEventId(), GROUP)) {
            return;
        }
        timeline.add(new TimelineEntry(envelope.getEventId(), envelope.getJourneyId(), topic,
                Events.type(event), envelope.getOccurredAt(), envelope.getRecordedAt(), EventSummaries.of(event)));
        if (envelope.getJourneyId() == null || OWN_TOPICS.contains(topic)) {
            return;
        }
        try {
            tracker.apply(event);
        } catch (UnknownProtocolException e) {
            throw new NonRetryableEventException(e.getMessage(), e);
        }
    }
}
