package io.waypoint.followup.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.obligation.Obligation;
import io.waypoint.followup.obligation.OverdueRule;
import io.waypoint.followup.events.FollowupEvents;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.followup.store.ObligationStore;
import io.waypoint.platform.events.Cause;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Flags open obligations past their deadline (ObligationOverdue) and alerts the care team (URGENT), one
 * obligation per transaction. Obligations this service learnt of less than the grace ago are left for a later
 * scan, so a journey replayed or backfilled is not flagged before its later events arrive. No consumed record
 * causes these events: they name no cause.
 */
@Component
public class OverdueScan {

    private final ObligationStore obligations;
    private final JourneyStore journeys;
    private final FollowupEvents events;
    private final Notifier notifier;
    private final Clock clock;
    private final OverdueRule rule;
    private final Sweep sweep;

    OverdueScan(ObligationStore obligations, JourneyStore journeys, FollowupEvents events, Notifier notifier,
                Clock clock, OverdueRule rule, PlatformTransactionManager transactions, MeterRegistry meters,
                @Value("${waypoint.followup.overdue-scan.batch-size:200}") int batchSize) {
        this.obligations = obligations;
        this.journeys = journeys;
        this.events = events;
        this.notifier = notifier;
        this.clock = clock;
        this.rule = rule;
        this.sweep = new Sweep("overdue-scan", "Flagged {} obligations overdue", batchSize, transactions, meters);
    }

    @Scheduled(fixedDelayString = "${waypoint.followup.overdue-scan.interval}",
            initialDelayString = "${waypoint.followup.overdue-scan.interval}")
    void scheduledScan() {
        scan();
    }

    /** Scans once; returns how many obligations it flagged. */
    public int scan() {
        Instant now = clock.instant();
        return sweep.run(limit -> obligations.overdueCandidates(now, rule.knownBy(now), limit),
                obligationId -> flag(obligationId, now));
    }

    private boolean flag(String obligationId, Instant now) {
        // lock order as everywhere else: the journey, then its obligation
        Optional<Journey> journey = obligations.journeyOf(obligationId).flatMap(journeys::lock);
        Optional<Obligation> open = obligations.lockOpen(obligationId);
        if (journey.isEmpty() || open.isEmpty()
                || !rule.isOverdue(open.get().dueAt(), open.get().openedAt(), now)) {
            return false;
        }
        Obligation obligation = open.get();
        obligations.markOverdue(obligationId, now);
        events.obligationOverdue(journey.get(), now, Cause.command(), obligation);
        notifier.notify(journey.get(), journey.get().careTeam(), NotificationKind.OBLIGATION_OVERDUE, Priority.URGENT,
                NotificationTitles.obligationOverdue(obligation.journeyId(), obligation.kind()), null,
                obligation.dueAt(), Cause.command());
        return true;
    }
}
