package io.waypoint.followup.config;

import io.waypoint.followup.assessment.AssessmentPolicy;
import io.waypoint.followup.journey.CompletionRule;
import io.waypoint.followup.obligation.AssessmentObligation;
import io.waypoint.followup.obligation.ObligationPolicy;
import io.waypoint.followup.protocol.FollowupProtocol;
import io.waypoint.followup.safety.SafetyPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

/** One profile under {@code waypoint.protocols.<profile>} in {@code protocols.yml}, as bound from YAML. */
record ProfileSettings(@NotBlank String version, @NotNull @Valid Course course,
                              @NotNull @Valid Obligations obligations, @NotNull @Valid Completion completion,
                              @NotNull @Valid Safety safety, @NotNull @Valid Assessments assessments) {

    public record Course(@NotNull @Positive Integer dosingSessions, @NotNull @Positive Integer integrationSessionsPerDosing) {
    }

    public record Obligations(@NotNull @Valid FirstIntegration firstIntegration,
                              @NotEmpty List<@Valid AssessmentObligationSettings> assessments) {
    }

    public record FirstIntegration(@NotBlank String kind, @NotNull Duration within) {
    }

    public record AssessmentObligationSettings(@NotBlank String kind, @NotNull AssessmentObligation.Anchor anchor,
                                               @NotNull Period after, @NotNull Period window,
                                               @NotBlank String instrument, @NotBlank String timepoint) {
    }

    public record Completion(@NotBlank String instrument, @NotEmpty List<String> timepoints) {
    }

    public record Safety(@NotNull @PositiveOrZero Integer phq9Item9HoldAbove, @NotNull Boolean holdOnCssrsPositive,
                         @NotNull Boolean holdOnSeriousAdverseEvent) {
    }

    public record Assessments(@NotNull @Valid IndependentRater independentRater,
                              @NotEmpty Map<String, Integer> maxScores) {
    }

    public record IndependentRater(@NotBlank String instrument, @NotEmpty List<String> timepoints) {
    }

    /** The profile as the plain rules the application applies. */
    FollowupProtocol toProtocol(String profile) {
        return new FollowupProtocol(profile, version,
                new ObligationPolicy(obligations.firstIntegration().kind(), obligations.firstIntegration().within(),
                        obligations.assessments().stream().map(a -> new AssessmentObligation(a.kind(), a.anchor(),
                                a.after(), a.window(), a.instrument(), a.timepoint())).toList()),
                new CompletionRule(course.dosingSessions(), course.integrationSessionsPerDosing(),
                        completion.instrument(), completion.timepoints()),
                new SafetyPolicy(safety.phq9Item9HoldAbove(), safety.holdOnCssrsPositive(),
                        safety.holdOnSeriousAdverseEvent()),
                new AssessmentPolicy(assessments.independentRater().instrument(),
                        assessments.independentRater().timepoints(), assessments.maxScores()));
    }
}
