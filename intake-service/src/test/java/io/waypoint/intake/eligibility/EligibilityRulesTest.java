package io.waypoint.intake.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

    private static final Set<String> EXCLUSIONS = Set.of("PRIMARY_PSYCHOTIC_DISORDER", "BIPOLAR_I",
            "DISSOCIATIVE_IDENTITY_DISORDER", "EATING_DISORDER_ACTIVE_PURGING", "MDD_WITH_PSYCHOTIC_FEATURES",
            "CURRENT_SUBSTANCE_USE_DISORDER", "PREGNANCY_OR_LACTATION", "UNCONTROLLED_HYPERTENSION",
            "ARRHYTHMIA_HISTORY", "QTC_PROLONGATION");
    private static final Set<String> MEDICATIONS = Set.of("SSRI", "SNRI", "MAOI");

    private static final EligibilityRules MAPP1 =
            new EligibilityRules(new EligibilityCriteria(18, 6, 35, EXCLUSIONS, MEDICATIONS));
    private static final EligibilityRules MAPP2 =
            new EligibilityRules(new EligibilityCriteria(18, 6, 28, EXCLUSIONS, MEDICATIONS));

    private static final CssrsScreen NEGATIVE = new CssrsScreen(false, false, false, false, false, false);

    /** A candidate who meets every MAPP1 criterion at its boundary. */
    private static ScreeningAnswers answers(int age, int months, int caps5) {
        return new ScreeningAnswers(age, months, caps5, NEGATIVE, List.of(), List.of());
    }

    @Test
    void aCandidateMeetingEveryCriterionIsEligibleWithNoReasons() {
        EligibilityDecision decision = MAPP1.evaluate(answers(18, 6, 35));
        assertThat(decision.eligible()).isTrue();
        assertThat(decision.reasons()).isEmpty();
    }

    @Nested
    class MinimumAge {
        @Test
        void seventeenIsBelowTheMinimum() {
            assertThat(MAPP1.evaluate(answers(17, 6, 35)).reasons()).containsExactly("AGE_BELOW_MINIMUM");
        }

        @Test
        void eighteenMeetsTheMinimum() {
            assertThat(MAPP1.evaluate(answers(18, 6, 35)).eligible()).isTrue();
        }
    }

    @Nested
    class PtsdDuration {
        @Test
        void fiveMonthsIsTooShort() {
            EligibilityDecision decision = MAPP1.evaluate(answers(30, 5, 40));
            assertThat(decision.eligible()).isFalse();
            assertThat(decision.reasons()).containsExactly("PTSD_DURATION_TOO_SHORT");
        }

        @Test
        void sixMonthsIsEnough() {
            assertThat(MAPP1.evaluate(answers(30, 6, 40)).eligible()).isTrue();
        }
    }

    @Nested
    class Caps5Threshold {
        @Test
        void mapp1Refuses34() {
            assertThat(MAPP1.evaluate(answers(30, 12, 34)).reasons()).containsExactly("CAPS5_BELOW_THRESHOLD");
        }

        @Test
        void mapp1Accepts35() {
            assertThat(MAPP1.evaluate(answers(30, 12, 35)).eligible()).isTrue();
        }

        @Test
        void mapp2Refuses27() {
            assertThat(MAPP2.evaluate(answers(30, 12, 27)).reasons()).containsExactly("CAPS5_BELOW_THRESHOLD");
        }

        @Test
        void mapp2Accepts28() {
            assertThat(MAPP2.evaluate(answers(30, 12, 28)).eligible()).isTrue();
        }
    }

    @Nested
    class Cssrs {
        private EligibilityDecision with(CssrsScreen cssrs) {
            return MAPP1.evaluate(new ScreeningAnswers(30, 12, 40, cssrs, List.of(), List.of()));
        }

        @Test
        void intentIsPositive() {
            assertThat(with(new CssrsScreen(true, true, true, true, false, false)).reasons())
                    .containsExactly("CSSRS_POSITIVE");
        }

        @Test
        void planWithIntentIsPositive() {
            assertThat(with(new CssrsScreen(true, true, true, false, true, false)).reasons())
                    .containsExactly("CSSRS_POSITIVE");
        }

        @Test
        void recentBehaviourIsPositive() {
            assertThat(with(new CssrsScreen(false, false, false, false, false, true)).reasons())
                    .containsExactly("CSSRS_POSITIVE");
        }

        @Test
        void ideationWithoutIntentPlanOrBehaviourIsNotPositive() {
            assertThat(with(new CssrsScreen(true, true, true, false, false, false)).eligible()).isTrue();
        }
    }

    @Nested
    class Exclusions {
        @Test
        void eachListedConditionExcludesWithItsOwnCode() {
            for (String code : EXCLUSIONS) {
                EligibilityDecision decision = MAPP1.evaluate(
                        new ScreeningAnswers(30, 12, 40, NEGATIVE, List.of(code), List.of()));
                assertThat(decision.reasons()).containsExactly("EXCLUSION_" + code);
            }
        }

        @Test
        void aConditionNotListedByTheProfileDoesNotExclude() {
            assertThat(MAPP1.evaluate(new ScreeningAnswers(30, 12, 40, NEGATIVE, List.of("SEASONAL_ALLERGY"),
                    List.of())).eligible()).isTrue();
        }

        @Test
        void codesAreComparedCaseInsensitively() {
            assertThat(MAPP1.evaluate(new ScreeningAnswers(30, 12, 40, NEGATIVE, List.of("bipolar_i"),
                    List.of())).reasons()).containsExactly("EXCLUSION_BIPOLAR_I");
        }
    }

    @Nested
    class Medications {
        @Test
        void aProhibitedClassMustBeTaperedFirst() {
            assertThat(MAPP1.evaluate(new ScreeningAnswers(30, 12, 40, NEGATIVE, List.of(), List.of("SSRI")))
                    .reasons()).containsExactly("MEDICATION_SSRI");
        }

        @Test
        void anAllowedClassDoesNotMakeIneligible() {
            assertThat(MAPP1.evaluate(new ScreeningAnswers(30, 12, 40, NEGATIVE, List.of(),
                    List.of("ANTIHISTAMINE"))).eligible()).isTrue();
        }
    }

    @Test
    void everyFailedRuleIsListedInAStableOrder() {
        EligibilityDecision decision = MAPP1.evaluate(new ScreeningAnswers(17, 5, 34,
                new CssrsScreen(false, false, false, true, false, false),
                List.of("QTC_PROLONGATION", "BIPOLAR_I", "QTC_PROLONGATION"), List.of("MAOI", "SSRI")));
        assertThat(decision.eligible()).isFalse();
        assertThat(decision.reasons()).containsExactly("AGE_BELOW_MINIMUM", "PTSD_DURATION_TOO_SHORT",
                "CAPS5_BELOW_THRESHOLD", "CSSRS_POSITIVE", "EXCLUSION_QTC_PROLONGATION", "EXCLUSION_BIPOLAR_I",
                "MEDICATION_MAOI", "MEDICATION_SSRI");
    }

    @Nested
    class AgeInYears {
        @Test
        void theDayBeforeTheEighteenthBirthdayIsSeventeen() {
            assertThat(Age.yearsOn(LocalDate.of(2008, 3, 15),
                    LocalDate.of(2026, 3, 14))).isEqualTo(17);
        }

        @Test
        void theEighteenthBirthdayIsEighteen() {
            assertThat(Age.yearsOn(LocalDate.of(2008, 3, 15),
                    LocalDate.of(2026, 3, 15))).isEqualTo(18);
        }

        @Test
        void aLeapDayBirthdayCompletesOnTheFirstOfMarchInACommonYear() {
            assertThat(Age.yearsOn(LocalDate.of(2008, 2, 29),
                    LocalDate.of(2026, 2, 28))).isEqualTo(17);
            assertThat(Age.yearsOn(LocalDate.of(2008, 2, 29),
                    LocalDate.of(2026, 3, 1))).isEqualTo(18);
        }

        @Test
        void aDateBeforeBirthIsRefused() {
            assertThatThrownBy(() -> Age.yearsOn(LocalDate.of(2008, 3, 15),
                    LocalDate.of(2008, 3, 14))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
