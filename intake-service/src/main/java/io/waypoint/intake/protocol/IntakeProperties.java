package io.waypoint.intake.protocol;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code defaultProtocol}: the profile a journey follows from its first screening on. {@code zone}: the zone in
 * which a screening's instant becomes the calendar date that a patient's age is computed on.
 */
@Validated
@ConfigurationProperties("waypoint.intake")
public record IntakeProperties(@NotBlank String defaultProtocol, @NotNull @DefaultValue("UTC") ZoneId zone) {
}
