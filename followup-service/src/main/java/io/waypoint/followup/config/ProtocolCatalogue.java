package io.waypoint.followup.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Every protocol profile the follow-up service knows, from {@code waypoint.protocols.*} in {@code protocols.yml}. */
@Validated
@ConfigurationProperties("waypoint")
record ProtocolCatalogue(@NotEmpty Map<String, @Valid ProfileSettings> protocols) {
}
