package io.waypoint.scheduling.service;

import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
import io.waypoint.platform.messaging.NonRetryableEventException;
import io.waypoint.scheduling.store.JourneyStore;
import io.waypoint.scheduling.store.SafetyHoldStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Safety holds from followup-service; while one is active the pre-dose check fails and no dose is given. */
@Service
public class SafetyHolds {

    private final SafetyHoldStore holds;
    private final JourneyStore journeys;

    public SafetyHolds(SafetyHoldStore holds, JourneyStore journeys) {
        this.holds = holds;
        this.journeys = journeys;
    }

    /** Takes the journey's plan lock (when it is enrolled here), so a hold and a pre-dose check never interleave. */
    @Transactional
    public void placed(SafetyHoldPlaced event) {
        String journeyId = requireJourney(event.getEnvelope().getJourneyId());
        journeys.lock(journeyId);
        holds.place(event.getHoldId(), journeyId, event.getReason(), event.getEnvelope().getOccurredAt());
    }

    @Transactional
    public void released(SafetyHoldReleased event) {
        String journeyId = requireJourney(event.getEnvelope().getJourneyId());
        journeys.lock(journeyId);
        holds.release(event.getHoldId(), journeyId, event.getEnvelope().getOccurredAt(), event.getReleasedBy());
    }

    private static String requireJourney(String journeyId) {
        if (journeyId == null) {
            throw new NonRetryableEventException("A safety hold event without a journeyId");
        }
        return journeyId;
    }
}
