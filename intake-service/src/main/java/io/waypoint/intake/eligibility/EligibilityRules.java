package io.waypoint.intake.eligibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Screening eligibility for one protocol profile. Every rule is evaluated and every failed rule is listed,
 * in a stable order: age, PTSD duration, CAPS-5, C-SSRS, then exclusion codes and medication classes in the
 * order they were reported.
 */
public final class EligibilityRules {

    public static final String AGE_BELOW_MINIMUM = "AGE_BELOW_MINIMUM";
    public static final String PTSD_DURATION_TOO_SHORT = "PTSD_DURATION_TOO_SHORT";
    public static final String CAPS5_BELOW_THRESHOLD = "CAPS5_BELOW_THRESHOLD";
    public static final String CSSRS_POSITIVE = "CSSRS_POSITIVE";
    public static final String EXCLUSION_PREFIX = "EXCLUSION_";
    /** A prohibited medication class must be tapered off before baseline; until then the patient is ineligible. */
    public static final String MEDICATION_PREFIX = "MEDICATION_";

    private final EligibilityCriteria criteria;

    public EligibilityRules(EligibilityCriteria criteria) {
        this.criteria = criteria;
    }

    public EligibilityDecision evaluate(ScreeningAnswers answers) {
        List<String> reasons = new ArrayList<>();
        if (answers.ageYears() < criteria.minAgeYears()) {
            reasons.add(AGE_BELOW_MINIMUM);
        }
        if (answers.ptsdDurationMonths() < criteria.minPtsdDurationMonths()) {
            reasons.add(PTSD_DURATION_TOO_SHORT);
        }
        if (answers.caps5Total() < criteria.minCaps5Total()) {
            reasons.add(CAPS5_BELOW_THRESHOLD);
        }
        if (answers.cssrs().positive()) {
            reasons.add(CSSRS_POSITIVE);
        }
        matching(answers.exclusionCodes(), criteria.excludedConditions())
                .forEach(code -> reasons.add(EXCLUSION_PREFIX + code));
        matching(answers.medicationClasses(), criteria.prohibitedMedicationClasses())
                .forEach(medicationClass -> reasons.add(MEDICATION_PREFIX + medicationClass));
        return EligibilityDecision.of(reasons);
    }

    private static Set<String> matching(List<String> reported, Set<String> listed) {
        Set<String> found = new LinkedHashSet<>();
        for (String value : reported) {
            String code = EligibilityCriteria.code(value);
            if (listed.contains(code)) {
                found.add(code);
            }
        }
        return found;
    }
}
