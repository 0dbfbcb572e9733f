package io.waypoint.intake.protocol;

import io.waypoint.intake.eligibility.EligibilityCriteria;
import java.util.Objects;

/**
 * What intake needs from one protocol profile: its version, its eligibility criteria (whose CAPS-5 threshold is
 * also the baseline gate at enrollment) and its consent terms. {@code overnightStayRequired}: consent must include
 * staying overnight after each dosing session.
 */
public record ProtocolProfile(String version, EligibilityCriteria eligibility, boolean overnightStayRequired) {

    public ProtocolProfile {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(eligibility, "eligibility");
    }
}
