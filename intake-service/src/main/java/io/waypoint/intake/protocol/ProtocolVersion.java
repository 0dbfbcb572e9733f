package io.waypoint.intake.protocol;

import java.util.Objects;

/** A protocol profile by name and the version of it a journey follows, as every event of the journey names it. */
public record ProtocolVersion(String profile, String version) {

    public ProtocolVersion {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(version, "version");
    }
}
