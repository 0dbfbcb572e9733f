package io.waypoint.intake.journey;

import java.time.Instant;

public record ConsentCommand(String consentFormVersion, boolean overnightStayAgreed, boolean recordingAgreed,
                             Instant occurredAt) {
}
