package io.waypoint.followup.journey;

import java.util.Objects;

/** A protocol profile and its version, as the events of a journey name them. */
public record ProtocolVersion(String profile, String version) {

    public ProtocolVersion {
        Objects.requireNonNull(profile, "profile");
    }
}
