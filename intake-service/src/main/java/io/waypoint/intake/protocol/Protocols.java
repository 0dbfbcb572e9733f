package io.waypoint.intake.protocol;

import io.waypoint.events.common.ProtocolRef;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Looks up protocol profiles by name; refuses to start when the default profile is not configured. */
@Component
public class Protocols {

    private final Map<String, ProtocolProfile> profiles;
    private final String defaultProfile;

    public Protocols(ProtocolCatalogue catalogue, IntakeProperties properties) {
        this.profiles = Map.copyOf(catalogue.protocols());
        this.defaultProfile = properties.defaultProtocol();
        if (!profiles.containsKey(defaultProfile)) {
            throw new IllegalStateException("waypoint.intake.default-protocol names the unknown profile '"
                    + defaultProfile + "'; configured: " + profiles.keySet());
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

    /** The reference carried by events: the profile's name and its configured version. */
    public ProtocolRef reference(String name) {
        return new ProtocolRef(name, profile(name).version());
    }
}
