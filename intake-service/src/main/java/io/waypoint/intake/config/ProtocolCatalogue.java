package io.waypoint.intake.config;

import io.waypoint.intake.eligibility.EligibilityCriteria;
import io.waypoint.intake.protocol.ProtocolProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every protocol profile intake knows, bound and validated from {@code waypoint.protocols.<profile>.*} in
 * {@code protocols.yml}, then handed to the domain as plain {@link ProtocolProfile}s.
 */
@Validated
@ConfigurationProperties("waypoint")
record ProtocolCatalogue(@NotEmpty Map<String, @Valid Profile> protocols) {

    /** One profile as configured: its version, eligibility criteria and consent terms. */
    record Profile(@NotBlank String version, @NotNull @Valid Eligibility eligibility, @NotNull @Valid Consent consent) {

        ProtocolProfile toProfile() {
            return new ProtocolProfile(version, eligibility.criteria(), consent.overnightStayRequired());
        }
    }

    /** {@code minCaps5Total} is also the baseline gate at enrollment. */
    record Eligibility(@NotNull Integer minAgeYears, @NotNull Integer minPtsdDurationMonths,
                       @NotNull Integer minCaps5Total, @NotNull List<String> excludedConditions,
                       @NotNull List<String> prohibitedMedicationClasses) {

        EligibilityCriteria criteria() {
            return new EligibilityCriteria(minAgeYears, minPtsdDurationMonths, minCaps5Total,
                    Set.copyOf(excludedConditions), Set.copyOf(prohibitedMedicationClasses));
        }
    }

    /** {@code overnightStayRequired}: consent must include staying overnight after each dosing session. */
    record Consent(@NotNull Boolean overnightStayRequired) {
    }

    Map<String, ProtocolProfile> profiles() {
        Map<String, ProtocolProfile> profiles = new LinkedHashMap<>();
        protocols.forEach((name, profile) -> profiles.put(name, profile.toProfile()));
        return profiles;
    }
}
