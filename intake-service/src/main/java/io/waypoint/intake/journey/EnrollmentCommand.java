package io.waypoint.intake.journey;

import java.time.Instant;

public record EnrollmentCommand(int baselineCaps5Total, Instant baselineAt, boolean pregnancyTestRequired,
                                Instant occurredAt) {
}
