package io.waypoint.followup.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.platform.rules.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessmentPolicyTest {

    private static final AssessmentPolicy POLICY = new AssessmentPolicy("CAPS5", List.of("PRIMARY_ENDPOINT"),
            Map.of("CAPS5", 80, "PHQ9", 27));

    @Test
    void aRaterOnTheCareTeamIsNotIndependent() {
        assertThat(AssessmentPolicy.raterIndependent("t-lead", List.of("t-lead", "t-co"))).isFalse();
        assertThat(AssessmentPolicy.raterIndependent("t-co", List.of("t-lead", "t-co"))).isFalse();
        assertThat(AssessmentPolicy.raterIndependent("rater-9", List.of("t-lead", "t-co"))).isTrue();
    }

    @Test
    void onlyTheConfiguredPrimaryAssessmentRequiresAnIndependentRater() {
        assertThat(POLICY.requiresIndependentRater("CAPS5", "PRIMARY_ENDPOINT")).isTrue();
        assertThat(POLICY.requiresIndependentRater("CAPS5", "LONG_TERM_6M")).isFalse();
        assertThat(POLICY.requiresIndependentRater("PCL5", "PRIMARY_ENDPOINT")).isFalse();
    }

    @Test
    void scoresMustLieWithinTheInstrumentRange() {
        assertThat(POLICY.scoreInRange("CAPS5", 80)).isTrue();
        assertThat(POLICY.scoreInRange("CAPS5", 81)).isFalse();
        assertThat(POLICY.scoreInRange("PHQ9", 27)).isTrue();
        assertThat(POLICY.scoreInRange("PHQ9", 28)).isFalse();
        assertThat(POLICY.scoreInRange("CAPS5", -1)).isFalse();
        assertThat(POLICY.scoreInRange("BDI2", 10)).isFalse();
    }

    @Test
    void aScoreOutOfRangeAndACareTeamRaterAreRuleViolationsNamingTheirParameters() {
        assertThat(POLICY.checkScore("CAPS5", 80)).isEmpty();
        Violation score = POLICY.checkScore("CAPS5", 81).orElseThrow();
        assertThat(score.kind()).isEqualTo(Violation.Kind.RULE);
        assertThat(score.slug()).isEqualTo("score-out-of-range");
        assertThat(score.params()).containsExactly(Map.entry("instrument", "CAPS5"), Map.entry("score", 81),
                Map.entry("minScore", 0), Map.entry("maxScore", 80));
        assertThat(POLICY.checkScore("BDI2", 10).orElseThrow().params()).doesNotContainKey("maxScore");

        assertThat(POLICY.checkRater("CAPS5", "PRIMARY_ENDPOINT", true)).isEmpty();
        assertThat(POLICY.checkRater("CAPS5", "LONG_TERM_6M", false)).isEmpty();
        Violation rater = POLICY.checkRater("CAPS5", "PRIMARY_ENDPOINT", false).orElseThrow();
        assertThat(rater.slug()).isEqualTo("rater-not-independent");
        assertThat(rater.params()).containsExactly(Map.entry("instrument", "CAPS5"),
                Map.entry("timepoint", "PRIMARY_ENDPOINT"));
    }
}
