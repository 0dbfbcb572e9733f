package io.waypoint.scheduling.roster;

import java.util.Objects;

/** A therapist of the clinic; only a lead-qualified one (MD, PhD or equivalent) may lead a care team. */
public record Therapist(String therapistId, String displayName, boolean leadQualified) {

    public Therapist {
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(displayName, "displayName");
    }
}
