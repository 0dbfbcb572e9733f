package io.waypoint.followup.app;

import io.waypoint.followup.events.FollowupEvents;
import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.obligation.Obligation;
import io.waypoint.followup.obligation.ObligationPolicy;
import io.waypoint.followup.store.ObligationStore;
import io.waypoint.platform.events.Cause;
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
class ObligationTracker {

    private final ObligationStore obligations;
    private final FollowupEvents events;
    private final Clock clock;

    ObligationTracker(ObligationStore obligations, FollowupEvents events, Clock clock) {
        this.obligations = obligations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens the obligation unless the journey already has it or was withdrawn; the service knows it from now on.
     * The observed event that opens it is its cause.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Obligation> open(Journey journey, String kind, int dosingNumber, Instant dueAt, Observed cause) {
        if (journey.withdrawn()) {
            return Optional.empty();
        }
        Optional<Obligation> opened = obligations.open(journey.journeyId(), kind, dosingNumber, dueAt,
                clock.instant(), cause.cause().causationId());
        opened.ifPresent(o -> events.obligationOpened(journey, cause.occurredAt(), cause.cause(), o));
        return opened;
    }

    /** Closes the unmet (open or overdue) obligations of a withdrawn journey as CANCELLED, as of the withdrawal. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelUnmet(String journeyId, Instant withdrawnAt) {
        return obligations.cancelUnmet(journeyId, withdrawnAt);
    }

    /** Meets the obligation if it is open or overdue; on time when met no later than its deadline. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean meet(Journey journey, String kind, int dosingNumber, Instant metAt, Cause cause) {
        return obligations.lockUnmet(journey.journeyId(), kind, dosingNumber).map(o -> {
            boolean onTime = ObligationPolicy.onTime(metAt, o.dueAt());
            obligations.markMet(o.obligationId(), metAt, onTime);
            events.obligationMet(journey, cause, o, metAt, onTime);
            return true;
        }).orElse(false);
    }
}
