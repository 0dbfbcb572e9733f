package io.waypoint.followup.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.waypoint.followup.events.FollowupEvents;
import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.notification.Notification;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.store.InboxStore;
import io.waypoint.platform.events.Cause;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues a notification to therapists: stored in each one's inbox, announced as TherapistNotificationIssued and
 * then NotificationDelivered (channel INBOX) on waypoint.notifications.v1, keyed by therapist, in the caller's
 * transaction; open inbox streams get it after commit ({@link NotificationIssued}).
 */
@Service
class Notifier {

    private static final String CHANNEL = "INBOX";

    private final InboxStore inbox;
    private final FollowupEvents events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final MeterRegistry meters;

    Notifier(InboxStore inbox, FollowupEvents events, Clock clock, ApplicationEventPublisher publisher,
             MeterRegistry meters) {
        this.inbox = inbox;
        this.events = events;
        this.clock = clock;
        this.publisher = publisher;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<Notification> notify(Journey journey, Collection<String> therapists, NotificationKind kind,
                                     Priority priority, String title, String appointmentId, Instant dueAt,
                                     Cause cause) {
        Instant issuedAt = clock.instant();
        List<Notification> issued = new ArrayList<>();
        for (String therapistId : new LinkedHashSet<>(therapists)) {
            Notification notification = new Notification(UUID.randomUUID().toString(), therapistId,
                    journey.journeyId(), kind.name(), priority.name(), title, appointmentId, dueAt, issuedAt, null);
            inbox.add(notification);
            events.notificationIssued(journey, cause, notification);
            publisher.publishEvent(new NotificationIssued(notification));
            issued.add(notification);
        }
        countOnCommit(kind, priority, issued.size());
        return issued;
    }

    /** Counted once the notifications are committed: a poll that rolls back and is applied again counts once. */
    private void countOnCommit(NotificationKind kind, Priority priority, int count) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter("waypoint.notifications", "kind", kind.name(), "priority", priority.name(),
                        "channel", CHANNEL, "outcome", "delivered").increment(count);
            }
        });
    }
}
