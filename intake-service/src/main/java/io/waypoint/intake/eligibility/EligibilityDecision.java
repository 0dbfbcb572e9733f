package io.waypoint.intake.eligibility;

import java.util.List;

/** The outcome of a screening: eligible, or the reason code of every rule that failed. */
public record EligibilityDecision(boolean eligible, List<String> reasons) {

    public EligibilityDecision {
        reasons = List.copyOf(reasons);
        if (eligible != reasons.isEmpty()) {
            throw new IllegalArgumentException("A decision is eligible exactly when it has no reasons");
        }
    }

    public static EligibilityDecision of(List<String> reasons) {
        return new EligibilityDecision(reasons.isEmpty(), reasons);
    }
}
