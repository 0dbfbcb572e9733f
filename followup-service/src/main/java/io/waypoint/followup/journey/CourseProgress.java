package io.waypoint.followup.journey;

import java.util.Set;

/**
 * What a journey has done so far: completed dosing sessions (by number), completed integration sessions, and the
 * timepoints at which the completion instrument has been recorded.
 */
public record CourseProgress(Set<Integer> dosingSessionsCompleted, Set<IntegrationSession> integrationSessionsCompleted,
                             Set<String> finalTimepointsRecorded) {

    public CourseProgress {
        dosingSessionsCompleted = Set.copyOf(dosingSessionsCompleted);
        integrationSessionsCompleted = Set.copyOf(integrationSessionsCompleted);
        finalTimepointsRecorded = Set.copyOf(finalTimepointsRecorded);
    }
}
