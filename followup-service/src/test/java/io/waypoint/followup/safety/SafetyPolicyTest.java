package io.waypoint.followup.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafetyPolicyTest {

    private static final SafetyPolicy POLICY = new SafetyPolicy(0, true, true);

    @Test
    void phq9Item9OfZeroPlacesNoHold() {
        assertThat(POLICY.checkInReasons(0, false)).isEmpty();
    }

    @Test
    void phq9Item9OfOnePlacesAHold() {
        assertThat(POLICY.checkInReasons(1, false)).containsExactly(SafetyPolicy.PHQ9_ITEM9_POSITIVE);
    }

    @Test
    void anUnansweredPhq9Item9PlacesNoHold() {
        assertThat(POLICY.checkInReasons(null, false)).isEmpty();
    }

    @Test
    void aPositiveCssrsPlacesAHold() {
        assertThat(POLICY.checkInReasons(null, true)).containsExactly(SafetyPolicy.CSSRS_POSITIVE);
    }

    @Test
    void bothTriggersAreReported() {
        assertThat(POLICY.checkInReasons(2, true))
                .containsExactly(SafetyPolicy.CSSRS_POSITIVE, SafetyPolicy.PHQ9_ITEM9_POSITIVE);
    }

    @Test
    void theItem9ThresholdIsConfiguration() {
        SafetyPolicy lenient = new SafetyPolicy(1, true, true);
        assertThat(lenient.checkInReasons(1, false)).isEmpty();
        assertThat(lenient.checkInReasons(2, false)).containsExactly(SafetyPolicy.PHQ9_ITEM9_POSITIVE);
    }

    @Test
    void aSeriousAdverseEventPlacesAHoldAndANonSeriousOneDoesNot() {
        assertThat(POLICY.adverseEventReason(true)).contains(SafetyPolicy.SERIOUS_ADVERSE_EVENT);
        assertThat(POLICY.adverseEventReason(false)).isEmpty();
    }
}
