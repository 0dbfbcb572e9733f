package io.waypoint.scheduling.api;

import io.waypoint.platform.problem.InvalidRequestException;
import io.waypoint.scheduling.app.SessionCommand;
import io.waypoint.scheduling.config.SchedulingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The time a client says a fact happened: a fact cannot lie in the future, beyond the allowed difference between
 * the client's clock and this service's.
 */
@Component
class ClientTimes {

    static final String FIELD = "occurredAt";

    private final Clock clock;
    private final Duration allowedSkew;

    ClientTimes(Clock clock, SchedulingProperties properties) {
        this.clock = clock;
        this.allowedSkew = properties.clockSkew();
    }

    /** The REST command about a session that happened at {@code occurredAt}; 400 naming the field when too late. */
    SessionCommand command(String appointmentId, Instant occurredAt) {
        Instant latest = clock.instant().plus(allowedSkew);
        if (occurredAt.isAfter(latest)) {
            throw new InvalidRequestException(FIELD, "must not be in the future (later than " + latest + ")");
        }
        return SessionCommand.rest(appointmentId, occurredAt);
    }
}
