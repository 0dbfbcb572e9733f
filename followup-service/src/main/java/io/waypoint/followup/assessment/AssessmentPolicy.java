package io.waypoint.followup.assessment;

import io.waypoint.platform.rules.Violation;
import java.util.Collection;
import java.util.LinkedHashMap;
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

    /** The score must lie within the instrument's range (an instrument without a configured range has none). */
    public Optional<Violation> checkScore(String instrument, int score) {
        if (scoreInRange(instrument, score)) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("instrument", instrument);
        params.put("score", score);
        params.put("minScore", 0);
        maxScore(instrument).ifPresent(max -> params.put("maxScore", max));
        return Optional.of(Violation.rule("score-out-of-range", "Score out of the instrument's range",
                "A " + instrument + " score must lie within the instrument's range.", params));
    }

    /** An assessment that needs an independent rater may not be rated by a member of the care team. */
    public Optional<Violation> checkRater(String instrument, String timepoint, boolean raterIndependent) {
        if (raterIndependent || !requiresIndependentRater(instrument, timepoint)) {
            return Optional.empty();
        }
        return Optional.of(Violation.rule("rater-not-independent", "Rater is on the care team",
                "The " + instrument + " assessment at " + timepoint
                        + " must be rated by someone outside the journey's care team.",
                "instrument", instrument, "timepoint", timepoint));
    }
}
