package io.waypoint.scheduling.protocol;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured protocol profiles by name ({@code mapp1}, {@code mapp2}, ...). */
public final class Protocols {

    private final Map<String, ProtocolProfile> profiles;

    public Protocols(Map<String, ProtocolProfile> profiles) {
        if (profiles == null || profiles.isEmpty()) {
            throw new IllegalArgumentException("No protocol profile configured under waypoint.protocols");
        }
        this.profiles = new TreeMap<>(profiles);
    }

    public Optional<ProtocolProfile> find(String profile) {
        return Optional.ofNullable(profile).map(profiles::get);
    }

    public ProtocolProfile get(String profile) {
        return find(profile).orElseThrow(() -> new IllegalStateException("Unknown protocol profile " + profile));
    }
}
