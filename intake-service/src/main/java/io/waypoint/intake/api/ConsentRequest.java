package io.waypoint.intake.api;

import io.waypoint.intake.journey.ConsentCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record ConsentRequest(
        @NotBlank @Size(max = 50) String consentFormVersion,
        @NotNull Boolean overnightStayAgreed,
        @NotNull Boolean recordingAgreed,
        @NotNull Instant occurredAt) {

    ConsentCommand toCommand() {
        return new ConsentCommand(consentFormVersion, overnightStayAgreed, recordingAgreed, occurredAt);
    }
}
