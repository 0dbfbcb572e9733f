package io.waypoint.followup.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operational settings of the follow-up service ({@code waypoint.followup.*}): the profile for journeys that name
 * none yet, how often obligations are scanned and how long an obligation must be known before it may be flagged
 * overdue, the session reminder lead time and how long an inbox stream stays open. Bound and validated at start-up;
 * {@link ProtocolConfiguration} hands the rules to the application as domain objects, and the scheduled sweeps and
 * the inbox streams read their intervals, batch sizes and timeout from the same keys.
 */
@Validated
@ConfigurationProperties("waypoint.followup")
record FollowupProperties(@NotBlank String defaultProtocol, @NotNull @Valid OverdueScan overdueScan,
                          @NotNull @Valid Reminders reminders, @NotNull @Valid Inbox inbox) {

    public record OverdueScan(@NotNull Duration interval, @NotNull Duration grace,
                              @DefaultValue("200") int batchSize) {
    }

    public record Reminders(@NotNull Duration interval, @NotNull Duration leadTime,
                            @DefaultValue("200") int batchSize) {
    }

    public record Inbox(@NotNull Duration streamTimeout) {
    }
}
