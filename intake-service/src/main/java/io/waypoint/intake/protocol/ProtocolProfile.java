package io.waypoint.intake.protocol;

import io.waypoint.intake.eligibility.EligibilityCriteria;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;

/** What intake needs from one protocol profile: its version, eligibility criteria and consent terms. */
public record ProtocolProfile(@NotBlank String version, @NotNull @Valid Eligibility eligibility,
                              @NotNull @Valid Consent consent) {

    public record Eligibility(@NotNull Integer minAgeYears, @NotNull Integer minPtsdDurationMonths,
                              @NotNull Integer minCaps5Total, @NotNull List<String> excludedConditions,
                              @NotNull List<String> prohibitedMedicationClasses) {

        public EligibilityCriteria criteria() {
            return new EligibilityCriteria(minAgeYears, minPtsdDurationMonths, minCaps5Total,
                    Set.copyOf(excludedConditions), Set.copyOf(prohibitedMedicationClasses));
        }
    }

    /** {@code overnightStayRequired}: consent must include staying overnight after each dosing session. */
    public record Consent(@NotNull Boolean overnightStayRequired) {
    }
}
