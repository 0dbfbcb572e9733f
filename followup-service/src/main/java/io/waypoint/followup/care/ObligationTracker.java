package io.waypoint.followup.care;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.followup.ObligationMet;
import io.waypoint.events.followup.ObligationOpened;
import io.waypoint.followup.journey.JourneyStage;
import io.waypoint.followup.obligation.ObligationPolicy;
import io.waypoint.followup.store.JourneyRow;
import io.waypoint.followup.store.ObligationRow;
import io.waypoint.followup.store.ObligationStore;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.schemas.Topic;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and meets obligations, announcing each change on waypoint.followup.v1 in the same transaction. A withdrawn
 * journey owes nothing more: its unmet obligations are cancelled and no new one is opened.
 */
@Service
public class ObligationTracker {

    private final ObligationStore obligations;
    private final Outbox outbox;
    private final JourneyEnvelopes envelopes;
    private final Clock clock;

    public ObligationTracker(ObligationStore obligations, Outbox outbox, JourneyEnvelopes envelopes, Clock clock) {
        this.obligations = obligations;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    /**
     * Opens the obligation unless the journey already has it or was withdrawn; the service knows it from now on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ObligationRow> open(JourneyRow journey, String kind, int dosingNumber, Instant dueAt,
                                        Envelope cause) {
        if (withdrawn(journey)) {
            return Optional.empty();
        }
        Optional<ObligationRow> opened = obligations.open(journey.journeyId(), kind, dosingNumber, dueAt,
                clock.instant(), cause.getEventId().toString());
        opened.ifPresent(o -> outbox.publish(Topic.FOLLOWUP, journey.journeyId(), ObligationOpened.newBuilder()
                .setEnvelope(envelopes.causedBy(journey, cause, cause.getOccurredAt()))
                .setObligationId(o.obligationId())
                .setKind(o.kind())
                .setDueAt(o.dueAt())
                .setCauseEventId(o.causeEventId())
                .build()));
        return opened;
    }

    /** Closes the unmet (open or overdue) obligations of a withdrawn journey as CANCELLED, as of the withdrawal. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelUnmet(String journeyId, Instant withdrawnAt) {
        return obligations.cancelUnmet(journeyId, withdrawnAt);
    }

    private static boolean withdrawn(JourneyRow journey) {
        return journey.stage() != null && journey.stage().phase() == JourneyStage.Phase.WITHDRAWN;
    }

    /** Meets the obligation if it is open or overdue; on time when met no later than its deadline. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ObligationMet> meet(JourneyRow journey, String kind, int dosingNumber, Instant metAt,
                                        Envelope cause) {
        return obligations.lockUnmet(journey.journeyId(), kind, dosingNumber).map(o -> {
            boolean onTime = ObligationPolicy.onTime(metAt, o.dueAt());
            obligations.markMet(o.obligationId(), metAt, onTime);
            ObligationMet met = ObligationMet.newBuilder()
                    .setEnvelope(envelopes.causedBy(journey, cause, metAt))
                    .setObligationId(o.obligationId())
                    .setKind(o.kind())
                    .setMetAt(metAt)
                    .setOnTime(onTime)
                    .build();
            outbox.publish(Topic.FOLLOWUP, journey.journeyId(), met);
            return met;
        });
    }
}
