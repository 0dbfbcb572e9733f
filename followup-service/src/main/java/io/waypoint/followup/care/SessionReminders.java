package io.waypoint.followup.care;

import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.notification.ReminderWindow;
import io.waypoint.followup.protocol.FollowupProperties;
import io.waypoint.followup.store.AppointmentRow;
import io.waypoint.followup.store.AppointmentStore;
import io.waypoint.followup.store.JourneyRow;
import io.waypoint.followup.store.JourneyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the care team of each session starting within the lead time (SESSION_TOMORROW), once per session and
 * start time; never of a session that has already started.
 */
@Component
public class SessionReminders {

    private static final Logger log = LoggerFactory.getLogger(SessionReminders.class);

    private final AppointmentStore appointments;
    private final JourneyStore journeys;
    private final Notifier notifier;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ReminderWindow window;
    private final int batchSize;

    public SessionReminders(AppointmentStore appointments, JourneyStore journeys, Notifier notifier, Clock clock,
                            PlatformTransactionManager transactions, FollowupProperties properties) {
        this.appointments = appointments;
        this.journeys = journeys;
        this.notifier = notifier;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.window = new ReminderWindow(properties.reminders().leadTime());
        this.batchSize = properties.reminders().batchSize();
    }

    @Scheduled(fixedDelayString = "${waypoint.followup.reminders.interval}",
            initialDelayString = "${waypoint.followup.reminders.interval}")
    void scheduledRun() {
        int reminded = run();
        if (reminded > 0) {
            log.info("Sent reminders for {} sessions", reminded);
        }
    }

    /** Sends the reminders due now; returns for how many sessions. */
    public int run() {
        Instant now = clock.instant();
        int reminded = 0;
        for (String appointmentId : appointments.toRemind(now, window.latestStart(now), batchSize)) {
            if (Boolean.TRUE.equals(tx.execute(status -> remind(appointmentId, now)))) {
                reminded++;
            }
        }
        return reminded;
    }

    private boolean remind(String appointmentId, Instant now) {
        Optional<JourneyRow> journey = appointments.journeyOf(appointmentId).flatMap(journeys::lock);
        Optional<AppointmentRow> candidate = appointments.lockUnreminded(appointmentId);
        if (journey.isEmpty() || candidate.isEmpty() || !window.due(candidate.get().start(), now)) {
            return false;
        }
        AppointmentRow appointment = candidate.get();
        appointments.markReminded(appointmentId, now);
        List<String> recipients = journey.get().careTeam().isEmpty() ? appointment.therapistIds()
                : journey.get().careTeam();
        notifier.notify(journey.get(), recipients, NotificationKind.SESSION_TOMORROW, Priority.ROUTINE,
                NotificationTitles.sessionTomorrow(appointment.journeyId(), appointment.kind(),
                        appointment.sequence(), appointment.dosingNumber(), appointment.start()),
                appointmentId, appointment.start(), null);
        return true;
    }
}
