package io.waypoint.followup.care;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.followup.ObligationOverdue;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.obligation.OverdueRule;
import io.waypoint.followup.protocol.FollowupProperties;
import io.waypoint.followup.store.JourneyRow;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.followup.store.ObligationRow;
import io.waypoint.followup.store.ObligationStore;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.schemas.Topic;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flags open obligations past their deadline (ObligationOverdue) and alerts the care team (URGENT), one
 * obligation per transaction. Obligations this service learnt of less than the grace ago are left for a later
 * scan, so a journey replayed or backfilled is not flagged before its later events arrive.
 */
@Component
public class OverdueScan {

    private static final Logger log = LoggerFactory.getLogger(OverdueScan.class);

    private final ObligationStore obligations;
    private final JourneyStore journeys;
    private final Outbox outbox;
    private final JourneyEnvelopes envelopes;
    private final Notifier notifier;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final OverdueRule rule;
    private final int batchSize;

    public OverdueScan(ObligationStore obligations, JourneyStore journeys, Outbox outbox, JourneyEnvelopes envelopes,
                       Notifier notifier, Clock clock, PlatformTransactionManager transactions,
                       FollowupProperties properties) {
        this.obligations = obligations;
        this.journeys = journeys;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.notifier = notifier;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.rule = new OverdueRule(properties.overdueScan().grace());
        this.batchSize = properties.overdueScan().batchSize();
    }

    @Scheduled(fixedDelayString = "${waypoint.followup.overdue-scan.interval}",
            initialDelayString = "${waypoint.followup.overdue-scan.interval}")
    void scheduledScan() {
        int flagged = scan();
        if (flagged > 0) {
            log.info("Flagged {} obligations overdue", flagged);
        }
    }

    /** Scans once; returns how many obligations it flagged. */
    public int scan() {
        Instant now = clock.instant();
        int flagged = 0;
        for (String obligationId : obligations.overdueCandidates(now, rule.knownBy(now), batchSize)) {
            if (Boolean.TRUE.equals(tx.execute(status -> flag(obligationId, now)))) {
                flagged++;
            }
        }
        return flagged;
    }

    private boolean flag(String obligationId, Instant now) {
        // lock order as everywhere else: the journey, then its obligation
        Optional<JourneyRow> journey = obligations.journeyOf(obligationId).flatMap(journeys::lock);
        Optional<ObligationRow> open = obligations.lockOpen(obligationId);
        if (journey.isEmpty() || open.isEmpty()
                || !rule.isOverdue(open.get().dueAt(), open.get().openedAt(), now)) {
            return false;
        }
        ObligationRow obligation = open.get();
        obligations.markOverdue(obligationId, now);
        Envelope envelope = envelopes.fresh(journey.get(), now);
        outbox.publish(Topic.FOLLOWUP, obligation.journeyId(), ObligationOverdue.newBuilder()
                .setEnvelope(envelope)
                .setObligationId(obligationId)
                .setKind(obligation.kind())
                .setDueAt(obligation.dueAt())
                .build());
        notifier.notify(journey.get(), journey.get().careTeam(), NotificationKind.OBLIGATION_OVERDUE, Priority.URGENT,
                NotificationTitles.obligationOverdue(obligation.journeyId(), obligation.kind()), null,
                obligation.dueAt(), envelope);
        return true;
    }
}
