package io.waypoint.followup.app;

import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.journey.JourneyStage;
import io.waypoint.followup.journey.TimelineEntry;
import io.waypoint.followup.obligation.Obligation;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.followup.store.ObligationStore;
import io.waypoint.followup.store.TimelineStore;
import io.waypoint.platform.problem.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Service;

/** What ops read of journeys: their state, who is in which stage, who is stuck, timelines and obligations. */
@Service
public class JourneyQueries {

    private final JourneyStore journeys;
    private final TimelineStore timeline;
    private final ObligationStore obligations;

    JourneyQueries(JourneyStore journeys, TimelineStore timeline, ObligationStore obligations) {
        this.journeys = journeys;
        this.timeline = timeline;
        this.obligations = obligations;
    }

    /** The journey; not found when this service has seen no event of it. */
    public Journey journey(String journeyId) {
        return journeys.find(journeyId).orElseThrow(() -> new NotFoundException("journey", journeyId));
    }

    /** Journeys in a stage (all with a known stage when {@code stage} is null), longest in their stage first. */
    public List<Journey> inStage(JourneyStage stage) {
        return journeys.inStage(stage);
    }

    /** Journeys with an overdue obligation, longest in their stage first. */
    public List<Journey> stuck() {
        return journeys.withOverdueObligations();
    }

    /** The journey's timeline in occurrence order (arrival order for equal times). */
    public List<TimelineEntry> timeline(String journeyId) {
        journey(journeyId);
        return timeline.ofJourney(journeyId);
    }

    /** The journey's obligations by deadline. */
    public List<Obligation> obligations(String journeyId) {
        journey(journeyId);
        return obligations.ofJourney(journeyId);
    }
}
