package io.waypoint.followup.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a safety hold is placed: a positive C-SSRS, a PHQ-9 item 9 (self-harm thoughts) answer above the
 * configured value, or a serious adverse event. Each trigger has a stable reason code.
 */
public record SafetyPolicy(int phq9Item9HoldAbove, boolean holdOnCssrsPositive, boolean holdOnSeriousAdverseEvent) {

    public static final String CSSRS_POSITIVE = "CSSRS_POSITIVE";
    public static final String PHQ9_ITEM9_POSITIVE = "PHQ9_ITEM9_POSITIVE";
    public static final String SERIOUS_ADVERSE_EVENT = "SERIOUS_ADVERSE_EVENT";

    /** The reasons a check-in places a hold; empty when it places none. */
    public List<String> checkInReasons(Integer phq9Item9, boolean cssrsPositive) {
        List<String> reasons = new ArrayList<>();
        if (cssrsPositive && holdOnCssrsPositive) {
            reasons.add(CSSRS_POSITIVE);
        }
        if (phq9Item9 != null && phq9Item9 > phq9Item9HoldAbove) {
            reasons.add(PHQ9_ITEM9_POSITIVE);
        }
        return List.copyOf(reasons);
    }

    public Optional<String> adverseEventReason(boolean serious) {
        return serious && holdOnSeriousAdverseEvent ? Optional.of(SERIOUS_ADVERSE_EVENT) : Optional.empty();
    }
}
