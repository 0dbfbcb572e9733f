package io.waypoint.scheduling.config;

import io.waypoint.scheduling.protocol.ProtocolProfile;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code waypoint.protocols.<profile>.*} from {@code protocols.yml}. */
@ConfigurationProperties("waypoint")
record ProtocolProperties(Map<String, ProtocolProfile> protocols) {
}
