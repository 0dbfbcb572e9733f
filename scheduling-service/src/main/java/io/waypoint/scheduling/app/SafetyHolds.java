package io.waypoint.scheduling.app;

import io.waypoint.scheduling.store.JourneyStore;
import io.waypoint.scheduling.store.SafetyHoldStore;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety holds from followup-service; while one is active the pre-dose check fails and no dose is given. Each
 * takes the journey's plan lock (when it is enrolled here), so a hold and a pre-dose check never interleave.
 */
@Service
public class SafetyHolds {

    private final SafetyHoldStore holds;
    private final JourneyStore journeys;

    SafetyHolds(SafetyHoldStore holds, JourneyStore journeys) {
        this.holds = holds;
        this.journeys = journeys;
    }

    @Transactional
    public void placed(String journeyId, String holdId, String reason, Instant placedAt) {
        journeys.lock(journeyId);
        holds.place(holdId, journeyId, reason, placedAt);
    }

    @Transactional
    public void released(String journeyId, String holdId, String releasedBy, Instant releasedAt) {
        journeys.lock(journeyId);
        holds.release(holdId, journeyId, releasedAt, releasedBy);
    }
}
