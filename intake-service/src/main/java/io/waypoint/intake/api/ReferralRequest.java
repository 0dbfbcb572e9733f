package io.waypoint.intake.api;

import io.waypoint.platform.validation.NotAfterNow;
import io.waypoint.intake.journey.NewReferral;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral; {@code referralId} is generated when the caller has none. Identifying: never logged. The referral
 * and site ids are published and logged, so they are codes, never free text.
 */
record ReferralRequest(
        @Pattern(regexp = Codes.IDENTIFIER, message = Codes.IDENTIFIER_MESSAGE) String referralId,
        @NotBlank @Pattern(regexp = Codes.IDENTIFIER, message = Codes.IDENTIFIER_MESSAGE) String siteId,
        @NotBlank @Size(max = 200) String givenName,
        @NotBlank @Size(max = 200) String familyName,
        @NotNull @Past LocalDate birthDate,
        @Email @Size(max = 320) String email,
        @Size(max = 50) String phone,
        @Size(max = 200) String referrerName,
        @Size(max = 200) String referrerOrganisation,
        @Size(max = 4000) String referralNote,
        @NotNull @NotAfterNow Instant occurredAt) {

    NewReferral toReferral() {
        return new NewReferral(referralId != null ? referralId : UUID.randomUUID().toString(), siteId, givenName,
                familyName, birthDate, email, phone, referrerName, referrerOrganisation, referralNote, occurredAt);
    }

    @Override
    public String toString() {
        return "ReferralRequest[referralId=" + referralId + ", siteId=" + siteId + "]";
    }
}
