package io.waypoint.intake.eligibility;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inclusion and exclusion criteria of one protocol profile. Every number and list comes from the profile's
 * configuration; codes are compared case-insensitively.
 */
public record EligibilityCriteria(int minAgeYears, int minPtsdDurationMonths, int minCaps5Total,
                                  Set<String> excludedConditions, Set<String> prohibitedMedicationClasses) {

    public EligibilityCriteria {
        excludedConditions = normalised(excludedConditions);
        prohibitedMedicationClasses = normalised(prohibitedMedicationClasses);
    }

    static String code(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }

    private static Set<String> normalised(Collection<String> codes) {
        return codes.stream().map(EligibilityCriteria::code).collect(Collectors.toUnmodifiableSet());
    }
}
