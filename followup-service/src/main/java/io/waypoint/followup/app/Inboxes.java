package io.waypoint.followup.app;

import io.waypoint.followup.notification.Notification;
import io.waypoint.followup.store.InboxStore;
import io.waypoint.platform.problem.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Therapists' inboxes: what was issued to them, and their acknowledgements. */
@Service
public class Inboxes {

    private final InboxStore inbox;
    private final Clock clock;

    Inboxes(InboxStore inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Newest first. */
    public List<Notification> of(String therapistId, boolean unacknowledgedOnly) {
        return inbox.of(therapistId, unacknowledgedOnly);
    }

    /**
     * Acknowledges a notification of the therapist's; acknowledging again changes nothing and returns the first
     * acknowledgement. Not found when the notification is not this therapist's.
     */
    public Notification acknowledge(String therapistId, String notificationId) {
        return inbox.acknowledge(therapistId, notificationId, clock.instant())
                .orElseThrow(() -> new NotFoundException("notification", notificationId));
    }
}
