package io.waypoint.followup.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What this service knows of one journey. */
public record Journey(String journeyId, String protocolProfile, String protocolVersion, JourneyStage stage,
                      Instant stageSince, JourneyStage heldStage, Instant baselineAt, String leadTherapistId,
                      String coTherapistId, Instant lastDoseAt, Instant completedAt) {

    public StageState stageState() {
        return new StageState(stage, stageSince, heldStage);
    }

    /** The lead and co-therapist, when the care team is known; empty before that. */
    public List<String> careTeam() {
        List<String> team = new ArrayList<>(2);
        if (leadTherapistId != null) {
            team.add(leadTherapistId);
        }
        if (coTherapistId != null && !coTherapistId.equals(leadTherapistId)) {
            team.add(coTherapistId);
        }
        return List.copyOf(team);
    }

    /** The protocol the journey follows, or null while no event has named one. */
    public ProtocolVersion protocol() {
        return protocolProfile == null ? null : new ProtocolVersion(protocolProfile, protocolVersion);
    }

    public boolean finished() {
        return stage != null && stage.terminal();
    }

    public boolean withdrawn() {
        return stage != null && stage.phase() == JourneyStage.Phase.WITHDRAWN;
    }
}
