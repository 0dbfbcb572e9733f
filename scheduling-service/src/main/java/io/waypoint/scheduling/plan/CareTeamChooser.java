package io.waypoint.scheduling.plan;

import io.waypoint.scheduling.roster.Therapist;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a journey's care team, least-loaded first. The lead is the lead-qualified therapist with the
 * fewest active journeys (ties: therapist id). The co-therapist is the least-loaded other therapist
 * (ties: one who is not lead-qualified, keeping leads free to lead; then therapist id).
 */
public final class CareTeamChooser {

    private CareTeamChooser() {
    }

    /**
     * @param roster therapists who may be assigned
     * @param load   active journeys per therapist id (absent = none)
     */
    public static Optional<CareTeam> choose(List<Therapist> roster, Map<String, Integer> load) {
        Comparator<Therapist> byLoad = Comparator.comparingInt(t -> load.getOrDefault(t.therapistId(), 0));
        Optional<Therapist> lead = roster.stream()
                .filter(Therapist::leadQualified)
                .min(byLoad.thenComparing(Therapist::therapistId));
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        String leadId = lead.get().therapistId();
        return roster.stream()
                .filter(t -> !t.therapistId().equals(leadId))
                .min(byLoad.thenComparing(Therapist::leadQualified).thenComparing(Therapist::therapistId))
                .map(co -> new CareTeam(leadId, co.therapistId()));
    }
}
