package io.waypoint.followup.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompletionRuleTest {

    private static final List<String> FINAL = List.of("PRIMARY_ENDPOINT", "LONG_TERM_6M", "LONG_TERM_12M");
    private static final CompletionRule RULE = new CompletionRule(3, 3, "CAPS5", FINAL);

    private static Set<IntegrationSession> integrationSessions(int dosings, int perDosing) {
        Set<IntegrationSession> sessions = new HashSet<>();
        for (int d = 1; d <= dosings; d++) {
            for (int s = 1; s <= perDosing; s++) {
                sessions.add(new IntegrationSession(d, s));
            }
        }
        return sessions;
    }

    @Test
    void aJourneyWithAllSessionsAndEveryFinalTimepointIsComplete() {
        CourseProgress progress = new CourseProgress(Set.of(1, 2, 3), integrationSessions(3, 3), Set.copyOf(FINAL));
        assertThat(RULE.isComplete(progress)).isTrue();
        assertThat(RULE.countedDosingSessions(progress)).isEqualTo(3);
        assertThat(RULE.countedIntegrationSessions(progress)).isEqualTo(9);
    }

    @Test
    void eightIntegrationSessionsAreNotEnough() {
        Set<IntegrationSession> eight = integrationSessions(3, 3);
        eight.remove(new IntegrationSession(2, 3));
        CourseProgress progress = new CourseProgress(Set.of(1, 2, 3), eight, Set.copyOf(FINAL));
        assertThat(RULE.treatmentFinished(progress)).isFalse();
        assertThat(RULE.isComplete(progress)).isFalse();
    }

    @Test
    void twoDosingSessionsAreNotEnough() {
        CourseProgress progress = new CourseProgress(Set.of(1, 2), integrationSessions(3, 3), Set.copyOf(FINAL));
        assertThat(RULE.isComplete(progress)).isFalse();
    }

    @Test
    void aMissingTwelveMonthAssessmentKeepsTheJourneyOpen() {
        CourseProgress progress = new CourseProgress(Set.of(1, 2, 3), integrationSessions(3, 3),
                Set.of("PRIMARY_ENDPOINT", "LONG_TERM_6M"));
        assertThat(RULE.treatmentFinished(progress)).isTrue();
        assertThat(RULE.isComplete(progress)).isFalse();
    }

    @Test
    void sessionsOutsideTheConfiguredCourseDoNotCount() {
        Set<IntegrationSession> sessions = integrationSessions(3, 3);
        sessions.remove(new IntegrationSession(3, 3));
        sessions.add(new IntegrationSession(3, 4));
        sessions.add(new IntegrationSession(4, 1));
        CourseProgress progress = new CourseProgress(Set.of(1, 2, 4), sessions, Set.copyOf(FINAL));
        assertThat(RULE.countedDosingSessions(progress)).isEqualTo(2);
        assertThat(RULE.countedIntegrationSessions(progress)).isEqualTo(8);
        assertThat(RULE.isComplete(progress)).isFalse();
    }

    @Test
    void theLastDosingSessionIsTheConfiguredCount() {
        assertThat(RULE.isLastDosing(3)).isTrue();
        assertThat(RULE.isLastDosing(2)).isFalse();
    }
}
