package io.waypoint.intake.api;

import io.waypoint.platform.validation.NotAfterNow;
import io.waypoint.intake.journey.ConsentCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** {@code consentFormVersion} is published: a code such as {@code MAPP1-ICF-5.0}, never free text. */
record ConsentRequest(
        @NotBlank @Pattern(regexp = Codes.IDENTIFIER, message = Codes.IDENTIFIER_MESSAGE) String consentFormVersion,
        @NotNull Boolean overnightStayAgreed,
        @NotNull Boolean recordingAgreed,
        @NotNull @NotAfterNow Instant occurredAt) {

    ConsentCommand toCommand() {
        return new ConsentCommand(consentFormVersion, overnightStayAgreed, recordingAgreed, occurredAt);
    }
}
