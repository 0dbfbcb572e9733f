package io.waypoint.followup.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.notification.ReminderWindow;
import io.waypoint.followup.store.AppointmentRow;
import io.waypoint.followup.store.AppointmentStore;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.platform.events.Cause;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reminds the care team of each session starting within the lead time (SESSION_TOMORROW), once per session and
 * start time; never of a session that has already started. One session per transaction.
 */
@Component
public class SessionReminders {

    private final AppointmentStore appointments;
    private final JourneyStore journeys;
    private final Notifier notifier;
    private final Clock clock;
    private final ReminderWindow window;
    private final Sweep sweep;

    SessionReminders(AppointmentStore appointments, JourneyStore journeys, Notifier notifier, Clock clock,
                     ReminderWindow window, PlatformTransactionManager transactions, MeterRegistry meters,
                     @Value("${waypoint.followup.reminders.batch-size:200}") int batchSize) {
        this.appointments = appointments;
        this.journeys = journeys;
        this.notifier = notifier;
        this.clock = clock;
        this.window = window;
        this.sweep = new Sweep("session-reminders", "Sent reminders for {} sessions", batchSize, transactions,
                meters);
    }

    @Scheduled(fixedDelayString = "${waypoint.followup.reminders.interval}",
            initialDelayString = "${waypoint.followup.reminders.interval}")
    void scheduledRun() {
        run();
    }

    /** Sends the reminders due now; returns for how many sessions. */
    public int run() {
        Instant now = clock.instant();
        return sweep.run(limit -> appointments.toRemind(now, window.latestStart(now), limit),
                appointmentId -> remind(appointmentId, now));
    }

    private boolean remind(String appointmentId, Instant now) {
        Optional<Journey> journey = appointments.journeyOf(appointmentId).flatMap(journeys::lock);
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
                appointmentId, appointment.start(), Cause.command());
        return true;
    }
}
