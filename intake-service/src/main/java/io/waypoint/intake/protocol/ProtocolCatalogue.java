package io.waypoint.intake.protocol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Every protocol profile intake knows, from {@code waypoint.protocols.<profile>.*} in {@code protocols.yml}. */
@Validated
@ConfigurationProperties("waypoint")
public record ProtocolCatalogue(@NotEmpty Map<String, @Valid ProtocolProfile> protocols) {
}
