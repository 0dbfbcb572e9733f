package io.waypoint.scheduling.protocol;

import io.waypoint.scheduling.dosing.DosingProfile;
import io.waypoint.scheduling.plan.CoursePlan;
import java.util.Objects;

/** Everything scheduling needs from one protocol profile ({@code waypoint.protocols.<profile>}). */
public record ProtocolProfile(CoursePlan plan, DosingProfile dosing) {

    public ProtocolProfile {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(dosing, "dosing");
    }
}
