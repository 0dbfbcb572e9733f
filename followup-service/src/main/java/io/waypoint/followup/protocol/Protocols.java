package io.waypoint.followup.protocol;

import io.waypoint.events.common.ProtocolRef;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Looks up protocol profiles by name; refuses to start when the default profile is not configured. */
@Component
public class Protocols {

    private final Map<String, FollowupProtocol> profiles;
    private final String defaultProfile;

    public Protocols(ProtocolCatalogue catalogue, FollowupProperties properties) {
        Map<String, FollowupProtocol> built = new TreeMap<>();
        catalogue.protocols().forEach((name, settings) -> built.put(name, settings.toProtocol(name)));
        this.profiles = Map.copyOf(built);
        this.defaultProfile = properties.defaultProtocol();
        if (!profiles.containsKey(defaultProfile)) {
            throw new IllegalStateException("waypoint.followup.default-protocol names the unknown profile '"
                    + defaultProfile + "'; configured: " + profiles.keySet());
        }
    }

    public Optional<FollowupProtocol> find(String profile) {
        return Optional.ofNullable(profiles.get(profile));
    }

    /** The profile a journey follows: the one it names, else the default. */
    public FollowupProtocol forJourney(String profile) {
        return profile == null ? profiles.get(defaultProfile) : find(profile).orElseThrow(
                () -> new UnknownProtocolException(profile));
    }

    public ProtocolRef defaultReference() {
        FollowupProtocol protocol = profiles.get(defaultProfile);
        return new ProtocolRef(protocol.profile(), protocol.version());
    }

    /** A journey names a profile this service has no configuration for. */
    public static class UnknownProtocolException extends RuntimeException {
        public UnknownProtocolException(String profile) {
            super("No protocol profile '" + profile + "' is configured");
        }
    }
}
