package io.waypoint.followup.journey;

import java.util.Objects;

/**
 * Where a journey is: a phase, and for the dosing and integration phases the dosing session it belongs to
 * ({@code DOSING_2}, {@code INTEGRATION_2}). Stages are ranked so a journey only moves forward, whatever order
 * events from different topics arrive in.
 */
public record JourneyStage(Phase phase, int dosingNumber) {

    public enum Phase {
        REFERRED(10), SCREENING(20), ELIGIBLE(30), INELIGIBLE(30), CONSENTED(40), ENROLLED(50), PREPARATION(60),
        DOSING(100), INTEGRATION(105), OUTCOME(100_000), LONG_TERM_FOLLOWUP(110_000), COMPLETED(120_000),
        ON_HOLD(-1), WITHDRAWN(Integer.MAX_VALUE);

        private final int rank;

        Phase(int rank) {
            this.rank = rank;
        }

        boolean perDosing() {
            return this == DOSING || this == INTEGRATION;
        }
    }

    public JourneyStage {
        Objects.requireNonNull(phase, "phase");
        if (phase.perDosing() ? dosingNumber < 1 : dosingNumber != 0) {
            throw new IllegalArgumentException(phase + " with dosing number " + dosingNumber);
        }
    }

    public static JourneyStage of(Phase phase) {
        return new JourneyStage(phase, 0);
    }

    public static JourneyStage dosing(int dosingNumber) {
        return new JourneyStage(Phase.DOSING, dosingNumber);
    }

    public static JourneyStage integration(int dosingNumber) {
        return new JourneyStage(Phase.INTEGRATION, dosingNumber);
    }

    /** Parses a stage name such as {@code ENROLLED} or {@code DOSING_2}. */
    public static JourneyStage parse(String name) {
        Objects.requireNonNull(name, "name");
        for (Phase phase : Phase.values()) {
            if (phase.perDosing() && name.startsWith(phase.name() + "_")) {
                String number = name.substring(phase.name().length() + 1);
                if (!number.matches("[1-9][0-9]{0,3}")) {
                    throw new IllegalArgumentException("Unknown journey stage " + name);
                }
                return new JourneyStage(phase, Integer.parseInt(number));
            }
            if (!phase.perDosing() && phase.name().equals(name)) {
                return of(phase);
            }
        }
        throw new IllegalArgumentException("Unknown journey stage " + name);
    }

    /** Later stages rank higher; dosing n < integration n < dosing n+1. */
    public int rank() {
        return phase.perDosing() ? phase.rank + 10 * dosingNumber : phase.rank;
    }

    public boolean terminal() {
        return phase == Phase.COMPLETED || phase == Phase.WITHDRAWN;
    }

    public String name() {
        return phase.perDosing() ? phase.name() + "_" + dosingNumber : phase.name();
    }

    @Override
    public String toString() {
        return name();
    }
}
