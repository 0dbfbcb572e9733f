package io.waypoint.followup.journey;

import java.util.List;

/**
 * A profile's completion rule: every configured dosing session completed, every integration session after each
 * (per dosing), and the completion instrument recorded at every final timepoint. Sessions outside the configured
 * course (a fourth dosing, a fourth integration session) do not count.
 */
public record CompletionRule(int dosingSessions, int integrationSessionsPerDosing, String finalInstrument,
                             List<String> finalTimepoints) {

    public CompletionRule {
        if (dosingSessions < 1 || integrationSessionsPerDosing < 1) {
            throw new IllegalArgumentException("A course needs at least one dosing and one integration session");
        }
        finalTimepoints = List.copyOf(finalTimepoints);
    }

    public int countedDosingSessions(CourseProgress progress) {
        return (int) progress.dosingSessionsCompleted().stream().filter(this::inCourse).count();
    }

    public int countedIntegrationSessions(CourseProgress progress) {
        return (int) progress.integrationSessionsCompleted().stream()
                .filter(s -> inCourse(s.dosingNumber()) && s.sequence() >= 1 && s.sequence() <= integrationSessionsPerDosing)
                .count();
    }

    /** All dosing and integration sessions are done: the journey waits for its outcome assessments. */
    public boolean treatmentFinished(CourseProgress progress) {
        return countedDosingSessions(progress) == dosingSessions
                && countedIntegrationSessions(progress) == dosingSessions * integrationSessionsPerDosing;
    }

    public boolean isComplete(CourseProgress progress) {
        return treatmentFinished(progress) && progress.finalTimepointsRecorded().containsAll(finalTimepoints);
    }

    public boolean isLastDosing(int dosingNumber) {
        return dosingNumber == dosingSessions;
    }

    private boolean inCourse(int dosingNumber) {
        return dosingNumber >= 1 && dosingNumber <= dosingSessions;
    }
}
