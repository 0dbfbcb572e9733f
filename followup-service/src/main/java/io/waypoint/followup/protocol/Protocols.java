package io.waypoint.followup.protocol;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The protocol profiles this service knows, by name, and the one for journeys that name none yet. */
public final class Protocols {

    private final Map<String, FollowupProtocol> profiles;
    private final String defaultProfile;

    /** Refuses a default profile that is not among {@code profiles}. */
    public Protocols(Map<String, FollowupProtocol> profiles, String defaultProfile) {
        this.profiles = Map.copyOf(profiles);
        this.defaultProfile = defaultProfile;
        if (!this.profiles.containsKey(defaultProfile)) {
            throw new IllegalStateException("waypoint.followup.default-protocol names the unknown profile '"
                    + defaultProfile + "'; configured: " + new TreeMap<>(this.profiles).keySet());
        }
    }

    public Optional<FollowupProtocol> find(String profile) {
        return Optional.ofNullable(profiles.get(profile));
    }

    /** The profile a journey follows: the one it names, else the default; empty for a profile not configured. */
    public Optional<FollowupProtocol> forJourney(String profile) {
        return profile == null ? Optional.of(profiles.get(defaultProfile)) : find(profile);
    }
}
