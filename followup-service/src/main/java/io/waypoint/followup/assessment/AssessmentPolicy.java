package io.waypoint.followup.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome-assessment rules of a profile: which assessments need a rater from outside the care team, and the
 * highest score each instrument can give.
 */
public record AssessmentPolicy(String independentRaterInstrument, List<String> independentRaterTimepoints,
                               Map<String, Integer> maxScores) {

    public AssessmentPolicy {
        Objects.requireNonNull(independentRaterInstrument, "independentRaterInstrument");
        independentRaterTimepoints = List.copyOf(independentRaterTimepoints);
        maxScores = Map.copyOf(maxScores);
    }

    /** A rater is independent when not on the journey's care team (as far as the care team is known). */
    public static boolean raterIndependent(String raterId, Collection<String> careTeam) {
        return !careTeam.contains(raterId);
    }

    public boolean requiresIndependentRater(String instrument, String timepoint) {
        return independentRaterInstrument.equals(instrument) && independentRaterTimepoints.contains(timepoint);
    }

    public Optional<Integer> maxScore(String instrument) {
        return Optional.ofNullable(maxScores.get(instrument));
    }

    public boolean scoreInRange(String instrument, int score) {
        return score >= 0 && maxScore(instrument).map(max -> score <= max).orElse(false);
    }
}
