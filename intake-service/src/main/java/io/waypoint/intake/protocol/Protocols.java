package io.waypoint.intake.protocol;

import java.util.Map;

/** The protocol profiles intake knows, by name, and the one a journey follows from its first screening on. */
public final class Protocols {

    private final Map<String, ProtocolProfile> profiles;
    private final String defaultProfile;

    /** Refuses a default profile that is not among {@code profiles}, so the service does not start with it. */
    public Protocols(Map<String, ProtocolProfile> profiles, String defaultProfile) {
        this.profiles = Map.copyOf(profiles);
        this.defaultProfile = defaultProfile;
        if (!this.profiles.containsKey(defaultProfile)) {
            throw new IllegalStateException("waypoint.intake.default-protocol names the unknown profile '"
                    + defaultProfile + "'; configured: " + this.profiles.keySet());
        }
    }

    public String defaultProfile() {
        return defaultProfile;
    }

    public ProtocolProfile profile(String name) {
        ProtocolProfile profile = profiles.get(name);
        if (profile == null) {
            throw new IllegalStateException("No protocol profile '" + name + "' is configured");
        }
        return profile;
    }

    /** The profile's name and its configured version. */
    public ProtocolVersion version(String name) {
        return new ProtocolVersion(name, profile(name).version());
    }
}
