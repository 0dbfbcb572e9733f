package io.waypoint.followup.app;

import io.waypoint.followup.events.FollowupEvents;
import io.waypoint.followup.journey.CompletionRule;
import io.waypoint.followup.journey.CourseProgress;
import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.journey.JourneyStage;
import io.waypoint.followup.journey.StageRules;
import io.waypoint.followup.journey.StageState;
import io.waypoint.followup.protocol.FollowupProtocol;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.followup.store.ProgressStore;
import io.waypoint.platform.events.Cause;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Moves a journey's stage and completes it, once, when its profile's completion rule holds. */
@Service
class JourneyProgression {

    private final JourneyStore journeys;
    private final ProgressStore progress;
    private final FollowupEvents events;

    JourneyProgression(JourneyStore journeys, ProgressStore progress, FollowupEvents events) {
        this.journeys = journeys;
        this.progress = progress;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StageState changeStage(String journeyId, UnaryOperator<StageState> transition) {
        StageState current = journeys.get(journeyId).stageState();
        StageState next = transition.apply(current);
        if (!next.equals(current)) {
            journeys.saveStage(journeyId, next);
        }
        return next;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StageState reach(String journeyId, JourneyStage stage, Instant at) {
        return changeStage(journeyId, s -> StageRules.advance(s, stage, at));
    }

    /**
     * After a session or an assessment was recorded: with every session done the journey waits for its outcome
     * assessments; with those recorded too it is complete (JourneyCompleted, once).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void afterProgress(String journeyId, FollowupProtocol protocol, Cause cause, Instant at) {
        CompletionRule rule = protocol.completion();
        CourseProgress course = progress.progress(journeyId, rule.finalInstrument());
        if (rule.treatmentFinished(course)) {
            reach(journeyId, JourneyStage.of(JourneyStage.Phase.OUTCOME), at);
        }
        Journey journey = journeys.get(journeyId);
        if (journey.completedAt() == null && rule.isComplete(course)) {
            // complete when the last of its facts happened, whichever event arrived last
            Instant completedAt = progress.latestCourseFact(journeyId).filter(latest -> latest.isAfter(at)).orElse(at);
            journeys.markCompleted(journeyId, completedAt);
            changeStage(journeyId, s -> StageRules.complete(s, completedAt));
            events.journeyCompleted(journey, completedAt, cause, rule.countedDosingSessions(course),
                    rule.countedIntegrationSessions(course));
        }
    }
}
