package io.waypoint.scheduling.plan;

import java.util.List;
import java.util.Objects;

/** The fixed therapist pair of a journey: a lead-qualified lead and a co-therapist. */
public record CareTeam(String leadTherapistId, String coTherapistId) {

    public CareTeam {
        Objects.requireNonNull(leadTherapistId, "leadTherapistId");
        Objects.requireNonNull(coTherapistId, "coTherapistId");
        if (leadTherapistId.equals(coTherapistId)) {
            throw new IllegalArgumentException("A care team is two different therapists");
        }
    }

    public List<String> therapistIds() {
        return List.of(leadTherapistId, coTherapistId);
    }
}
