package io.waypoint.followup.care;

import io.micrometer.core.instrument.MeterRegistry;
import io.waypoint.events.common.Envelope;
import io.waypoint.events.notifications.DeliveryChannel;
import io.waypoint.events.notifications.NotificationDelivered;
import io.waypoint.events.notifications.NotificationPriority;
import io.waypoint.events.notifications.TherapistNotificationIssued;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.store.InboxRow;
import io.waypoint.followup.store.InboxStore;
import io.waypoint.followup.store.JourneyRow;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.schemas.Topic;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a notification to therapists: stored in each one's inbox, announced as TherapistNotificationIssued and
 * then NotificationDelivered (channel INBOX) on waypoint.notifications.v1, keyed by therapist, in the caller's
 * transaction; open inbox streams get it after commit.
 */
@Service
public class Notifier {

    private final InboxStore inbox;
    private final Outbox outbox;
    private final JourneyEnvelopes envelopes;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    public Notifier(InboxStore inbox, Outbox outbox, JourneyEnvelopes envelopes, Clock clock,
                    ApplicationEventPublisher events, MeterRegistry meters) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.clock = clock;
        this.events = events;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<InboxRow> notify(JourneyRow journey, Collection<String> therapists, NotificationKind kind,
                                 Priority priority, String title, String appointmentId, Instant dueAt, Envelope cause) {
        Instant issuedAt = clock.instant();
        List<InboxRow> issued = new ArrayList<>();
        for (String therapistId : new LinkedHashSet<>(therapists)) {
            InboxRow row = new InboxRow(UUID.randomUUID().toString(), therapistId, journey.journeyId(), kind.name(),
                    priority.name(), title, appointmentId, dueAt, issuedAt, null);
            inbox.add(row);
            Envelope issuedEnvelope = cause == null ? envelopes.fresh(journey, issuedAt)
                    : envelopes.causedBy(journey, cause, issuedAt);
            outbox.publish(Topic.NOTIFICATIONS, therapistId, TherapistNotificationIssued.newBuilder()
                    .setEnvelope(issuedEnvelope)
                    .setNotificationId(row.notificationId())
                    .setTherapistId(therapistId)
                    .setKind(io.waypoint.events.notifications.NotificationKind.valueOf(kind.name()))
                    .setPriority(NotificationPriority.valueOf(priority.name()))
                    .setTitle(title)
                    .setAppointmentId(appointmentId)
                    .setDueAt(dueAt)
                    .build());
            outbox.publish(Topic.NOTIFICATIONS, therapistId, NotificationDelivered.newBuilder()
                    .setEnvelope(envelopes.causedBy(journey, issuedEnvelope, issuedAt))
                    .setNotificationId(row.notificationId())
                    .setTherapistId(therapistId)
                    .setChannel(DeliveryChannel.INBOX)
                    .build());
            events.publishEvent(new NotificationIssued(row));
            meters.counter("waypoint.notifications", "kind", kind.name(), "priority", priority.name(),
                    "channel", DeliveryChannel.INBOX.name(), "outcome", "delivered").increment();
            issued.add(row);
        }
        return issued;
    }
}
