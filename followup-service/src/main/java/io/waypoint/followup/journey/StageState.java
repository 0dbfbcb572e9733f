package io.waypoint.followup.journey;

import java.time.Instant;

/**
 * A journey's visible stage and since when it is in it; while on a safety hold, {@code heldStage} is the stage
 * underneath, which keeps moving with the events that still arrive and is restored on release.
 */
public record StageState(JourneyStage stage, Instant since, JourneyStage heldStage) {

    public static StageState unknown() {
        return new StageState(null, null, null);
    }

    public boolean onHold() {
        return stage != null && stage.phase() == JourneyStage.Phase.ON_HOLD;
    }
}
