package io.waypoint.followup.obligation;

import io.waypoint.followup.obligation.AssessmentObligation.Anchor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A profile's obligations: the first integration session within {@code firstIntegrationWithin} of each dosing
 * session's initial dose, and the assessments due relative to baseline or the last dose.
 */
public record ObligationPolicy(String firstIntegrationKind, Duration firstIntegrationWithin,
                               List<AssessmentObligation> assessments) {

    public ObligationPolicy {
        Objects.requireNonNull(firstIntegrationKind, "firstIntegrationKind");
        Objects.requireNonNull(firstIntegrationWithin, "firstIntegrationWithin");
        assessments = List.copyOf(assessments);
    }

    public Instant firstIntegrationDue(Instant initialDoseAt) {
        return initialDoseAt.plus(firstIntegrationWithin);
    }

    /** The integration session that meets the first-integration obligation of its dosing session. */
    public boolean meetsFirstIntegration(int integrationSequence) {
        return integrationSequence == 1;
    }

    public List<AssessmentObligation> anchoredAt(Anchor anchor) {
        return assessments.stream().filter(a -> a.anchor() == anchor).toList();
    }

    public List<AssessmentObligation> metBy(String instrument, String timepoint) {
        return assessments.stream().filter(a -> a.metBy(instrument, timepoint)).toList();
    }

    /** Met on time when it happened no later than the deadline (exactly at the deadline counts). */
    public static boolean onTime(Instant metAt, Instant dueAt) {
        return !metAt.isAfter(dueAt);
    }
}
