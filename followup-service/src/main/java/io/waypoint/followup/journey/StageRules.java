package io.waypoint.followup.journey;

import io.waypoint.followup.journey.JourneyStage.Phase;
import java.time.Instant;

/**
 * How a journey's stage moves: forward only (a late event from another topic never moves it back), COMPLETED and
 * WITHDRAWN are final, a safety hold covers whatever stage the journey is in and gives it back on release.
 */
public final class StageRules {

    private StageRules() {
    }

    /** The journey has reached {@code target} at {@code at}; ignored when it is already at or past it. */
    public static StageState advance(StageState current, JourneyStage target, Instant at) {
        if (target.terminal() || target.phase() == Phase.ON_HOLD) {
            throw new IllegalArgumentException("Use the dedicated transition for " + target);
        }
        if (isFinal(current)) {
            return current;
        }
        if (current.onHold()) {
            return movesForward(current.heldStage(), target)
                    ? new StageState(current.stage(), current.since(), target) : current;
        }
        return movesForward(current.stage(), target) ? new StageState(target, at, null) : current;
    }

    public static StageState hold(StageState current, Instant at) {
        if (isFinal(current) || current.onHold()) {
            return current;
        }
        return new StageState(JourneyStage.of(Phase.ON_HOLD), at, current.stage());
    }

    public static StageState release(StageState current, Instant at) {
        if (!current.onHold()) {
            return current;
        }
        return new StageState(current.heldStage(), at, null);
    }

    public static StageState complete(StageState current, Instant at) {
        if (isFinal(current)) {
            return current;
        }
        return new StageState(JourneyStage.of(Phase.COMPLETED), at, null);
    }

    public static StageState withdraw(StageState current, Instant at) {
        if (isFinal(current)) {
            return current;
        }
        return new StageState(JourneyStage.of(Phase.WITHDRAWN), at, null);
    }

    private static boolean isFinal(StageState state) {
        return state.stage() != null && state.stage().terminal();
    }

    private static boolean movesForward(JourneyStage from, JourneyStage to) {
        return from == null || (!from.equals(to) && to.rank() >= from.rank());
    }
}
