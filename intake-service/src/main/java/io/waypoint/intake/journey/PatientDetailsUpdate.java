package io.waypoint.intake.journey;

import java.time.LocalDate;

/** Corrected identity or contact of a referred patient; null fields stay as they are. Identifying. */
public record PatientDetailsUpdate(String referralId, String givenName, String familyName, LocalDate birthDate,
                                   String email, String phone) {

    @Override
    public String toString() {
        return "PatientDetailsUpdate[referralId=" + referralId + "]";
    }
}
