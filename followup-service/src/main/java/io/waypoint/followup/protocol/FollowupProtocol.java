package io.waypoint.followup.protocol;

import io.waypoint.followup.assessment.AssessmentPolicy;
import io.waypoint.followup.journey.CompletionRule;
import io.waypoint.followup.obligation.ObligationPolicy;
import io.waypoint.followup.safety.SafetyPolicy;

/** Everything the follow-up service applies for one protocol profile and version. */
public record FollowupProtocol(String profile, String version, ObligationPolicy obligations,
                               CompletionRule completion, SafetyPolicy safety, AssessmentPolicy assessments) {
}
