package io.waypoint.intake.journey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A referral as received, with the patient's identity and contact. Identifying: it stays in intake's database,
 * and {@link #toString()} names only the referral.
 */
public record NewReferral(String referralId, String siteId, String givenName, String familyName, LocalDate birthDate,
                          String email, String phone, String referrerName, String referrerOrganisation,
                          String referralNote, Instant occurredAt) {

    @Override
    public String toString() {
        return "NewReferral[referralId=" + referralId + ", siteId=" + siteId + ", occurredAt=" + occurredAt + "]";
    }
}
