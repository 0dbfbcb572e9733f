package io.waypoint.scheduling.config;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waypoint.scheduling.*}: how REST commands are accepted.
 *
 * @param clockSkew how far after the service's clock a command's {@code occurredAt} may lie
 */
@ConfigurationProperties("waypoint.scheduling")
public record SchedulingProperties(Duration clockSkew) {

    public SchedulingProperties {
        Objects.requireNonNull(clockSkew, "waypoint.scheduling.clock-skew");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("waypoint.scheduling.clock-skew must not be negative");
        }
    }
}
