package io.waypoint.scheduling.dosing;

import static io.waypoint.scheduling.dosing.Profiles.mg;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DosingRulesTest {

    static final ZoneId SITE = ZoneId.of("America/New_York");
    final DosingRules mapp1 = new DosingRules(Profiles.mapp1(), SITE);
    final DosingRules mapp2 = new DosingRules(Profiles.mapp2(), SITE);

    /** 09:30 site time on 1 April 2026. */
    static final Instant DOSE = ZonedDateTime.of(2026, 4, 1, 9, 30, 0, 0, SITE).toInstant();

    static Instant siteTime(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, SITE).toInstant();
    }

    static void assertViolation(Optional<Violation> violation, String slug) {
        assertThat(violation).as("expected %s", slug).get().extracting(Violation::slug).isEqualTo(slug);
    }

    @Nested
    class CheckIn {

        @Test
        void theFirstDosingSessionNeedsEveryPreparatorySessionCompleted() {
            Optional<Violation> twoOfThree = mapp1.checkIn(1, 2, 3, null, DOSE);
            assertViolation(twoOfThree, "preparation-incomplete");
            assertThat(twoOfThree.get().params())
                    .containsEntry("completedPreparatorySessions", 2)
                    .containsEntry("requiredPreparatorySessions", 3);
            assertThat(mapp1.checkIn(1, 3, 3, null, DOSE)).isEmpty();
        }

        @Test
        void twentyDaysAfterThePreviousInitialDoseIsTooEarly() {
            Optional<Violation> violation = mapp1.checkIn(2, 3, 3, DOSE, DOSE.plus(Duration.ofDays(20)));
            assertViolation(violation, "dosing-window-violated");
            assertThat(violation.get().params())
                    .containsEntry("daysSincePreviousDose", 20L)
                    .containsEntry("minDays", 21)
                    .containsEntry("maxDays", 35)
                    .containsEntry("previousInitialDoseAt", DOSE.toString());
        }

        @Test
        void twentyOneDaysAfterThePreviousInitialDoseIsAllowed() {
            assertThat(mapp1.checkIn(2, 3, 3, DOSE, DOSE.plus(Duration.ofDays(21)))).isEmpty();
        }

        @Test
        void thirtyFiveDaysAfterThePreviousInitialDoseIsAllowed() {
            assertThat(mapp1.checkIn(3, 3, 3, DOSE, DOSE.plus(Duration.ofDays(35)))).isEmpty();
        }

        @Test
        void thirtySixDaysAfterThePreviousInitialDoseIsTooLate() {
            assertViolation(mapp1.checkIn(3, 3, 3, DOSE, DOSE.plus(Duration.ofDays(36))), "dosing-window-violated");
        }

        @Test
        void daysAreCalendarDaysAtTheSite() {
            Instant lateEvening = siteTime(4, 1, 23, 30);
            Instant morningTwentyOneDaysLater = siteTime(4, 22, 8, 0);
            assertThat(Duration.between(lateEvening, morningTwentyOneDaysLater).toDays()).isEqualTo(20);
            assertThat(mapp1.checkIn(2, 3, 3, lateEvening, morningTwentyOneDaysLater)).isEmpty();
        }

        @Test
        void aLaterSessionNeedsAnInitialDoseInThePreviousOne() {
            assertViolation(mapp1.checkIn(2, 3, 3, null, DOSE), "previous-dosing-incomplete");
        }

        @Test
        void noMoreThanTheConfiguredNumberOfDosingSessions() {
            assertThat(mapp1.checkIn(3, 3, 3, DOSE, DOSE.plus(Duration.ofDays(28)))).isEmpty();
            Optional<Violation> fourth = mapp1.checkIn(4, 3, 3, DOSE, DOSE.plus(Duration.ofDays(28)));
            assertViolation(fourth, "dosing-sessions-exhausted");
            assertThat(fourth.get().params()).containsEntry("maxSessions", 3);
        }
    }

    @Nested
    class PreDoseChecklist {

        static final VitalSigns NORMAL = new VitalSigns(120, 80, 72, mg("36.8"));

        static PreDoseAnswers allClear(Boolean pregnancyTestNegative) {
            return new PreDoseAnswers(pregnancyTestNegative, true, true, true, NORMAL);
        }

        @Test
        void passesWhenEveryItemPasses() {
            PreDoseResult result = mapp1.preDoseCheck(allClear(true), true, false);
            assertThat(result.passed()).isTrue();
            assertThat(result.failedItems()).isEmpty();
        }

        @Test
        void aPregnancyTestCountsOnlyWhereTheJourneyRequiresOne() {
            assertThat(mapp1.preDoseCheck(allClear(null), false, false).passed()).isTrue();
            assertThat(mapp1.preDoseCheck(allClear(null), true, false).failedItems())
                    .containsExactly(PreDoseItem.PREGNANCY_TEST_NEGATIVE);
            assertThat(mapp1.preDoseCheck(allClear(false), true, false).failedItems())
                    .containsExactly(PreDoseItem.PREGNANCY_TEST_NEGATIVE);
        }

        @Test
        void eachFailedAnswerFailsItsItem() {
            assertThat(mapp1.preDoseCheck(new PreDoseAnswers(true, false, true, true, NORMAL), true, false)
                    .failedItems()).containsExactly(PreDoseItem.FASTING_CONFIRMED);
            assertThat(mapp1.preDoseCheck(new PreDoseAnswers(true, true, false, true, NORMAL), true, false)
                    .failedItems()).containsExactly(PreDoseItem.NO_CONTRAINDICATED_MEDICATION);
            assertThat(mapp1.preDoseCheck(new PreDoseAnswers(true, true, true, false, NORMAL), true, false)
                    .failedItems()).containsExactly(PreDoseItem.CSSRS_NEGATIVE);
        }

        @Test
        void vitalsOutOfRangeFailTheCheck() {
            PreDoseAnswers highPressure = new PreDoseAnswers(true, true, true, true, new VitalSigns(161, 90, 72, mg("36.8")));
            assertThat(mapp1.preDoseCheck(highPressure, true, false).failedItems())
                    .containsExactly(PreDoseItem.VITALS_WITHIN_LIMITS);
        }

        @Test
        void anActiveSafetyHoldFailsTheCheck() {
            PreDoseResult result = mapp1.preDoseCheck(allClear(true), true, true);
            assertThat(result.passed()).isFalse();
            assertThat(result.failedItems()).containsExactly(PreDoseItem.NO_SAFETY_HOLD);
        }

        @Test
        void everyFailedItemIsReported() {
            PreDoseAnswers none = new PreDoseAnswers(null, false, false, false, new VitalSigns(170, 95, 110, mg("38.5")));
            assertThat(mapp1.preDoseCheck(none, true, true).failedItems()).containsExactly(
                    PreDoseItem.PREGNANCY_TEST_NEGATIVE, PreDoseItem.FASTING_CONFIRMED,
                    PreDoseItem.NO_CONTRAINDICATED_MEDICATION, PreDoseItem.CSSRS_NEGATIVE,
                    PreDoseItem.VITALS_WITHIN_LIMITS, PreDoseItem.NO_SAFETY_HOLD);
        }
    }

    @Nested
    class VitalLimits {

        @Test
        void systolicAtTheLimitIsWithinRangeAndAboveItIsHigh() {
            assertThat(mapp1.outOfRange(new VitalSigns(160, 90, 80, mg("37.0")))).isEmpty();
            assertThat(mapp1.outOfRange(new VitalSigns(161, 90, 80, mg("37.0")))).containsExactly(VitalFlag.SYSTOLIC_HIGH);
        }

        @Test
        void heartRateAtTheLimitIsWithinRangeAndAboveItIsHigh() {
            assertThat(mapp1.outOfRange(new VitalSigns(120, 80, 100, mg("37.0")))).isEmpty();
            assertThat(mapp1.outOfRange(new VitalSigns(120, 80, 101, mg("37.0")))).containsExactly(VitalFlag.HEART_RATE_HIGH);
        }

        @Test
        void temperatureAtTheLimitIsWithinRangeAndAboveItIsHigh() {
            assertThat(mapp1.outOfRange(new VitalSigns(120, 80, 80, mg("38.0")))).isEmpty();
            assertThat(mapp1.outOfRange(new VitalSigns(120, 80, 80, mg("38.1")))).containsExactly(VitalFlag.TEMPERATURE_HIGH);
        }

        @Test
        void everyValueAboveItsLimitIsFlagged() {
            assertThat(mapp1.outOfRange(new VitalSigns(175, 100, 120, mg("38.6")))).containsExactly(
                    VitalFlag.SYSTOLIC_HIGH, VitalFlag.HEART_RATE_HIGH, VitalFlag.TEMPERATURE_HIGH);
        }
    }

    @Nested
    class InitialDose {

        @Test
        void mapp1SessionOneAllowsOnlyEightyMilligrams() {
            assertThat(mapp1.initialDose(1, true, false, mg("80"), false)).isEmpty();
            Optional<Violation> escalated = mapp1.initialDose(1, true, false, mg("120"), false);
            assertViolation(escalated, "initial-dose-not-allowed");
            assertThat(escalated.get().params()).containsEntry("dosingNumber", 1)
                    .containsEntry("allowedMg", List.of(mg("80")));
        }

        @Test
        void mapp1AllowsEscalationFromSessionTwo() {
            assertThat(mapp1.initialDose(2, true, false, mg("120"), false)).isEmpty();
            assertThat(mapp1.initialDose(3, true, false, mg("80"), false)).isEmpty();
        }

        @Test
        void mapp2AllowsEightyOrOneHundredTwentyInEverySession() {
            assertThat(mapp2.initialDose(1, true, false, mg("120"), false)).isEmpty();
            assertThat(mapp2.initialDose(1, true, false, mg("80.00"), false)).isEmpty();
            assertViolation(mapp2.initialDose(2, true, false, mg("100"), false), "initial-dose-not-allowed");
        }

        @Test
        void twoHundredMilligramsIsNotAnInitialDose() {
            assertViolation(mapp2.initialDose(2, true, false, mg("200"), false), "initial-dose-not-allowed");
        }

        @Test
        void needsAPassedPreDoseCheck() {
            assertViolation(mapp1.initialDose(1, false, false, mg("80"), false), "pre-dose-check-not-passed");
        }

        @Test
        void isGivenOnce() {
            assertViolation(mapp1.initialDose(1, true, true, mg("80"), false), "initial-dose-already-given");
        }

        @Test
        void isNotGivenUnderASafetyHold() {
            assertViolation(mapp1.initialDose(1, true, false, mg("80"), true), "safety-hold-active");
        }

        @Test
        void anAllowedInitialDoseStillRespectsTheSessionMaximum() {
            DosingRules generous = new DosingRules(Profiles.withInitialDoses(List.of(mg("180"), mg("181"))), SITE);
            assertThat(generous.initialDose(1, true, false, mg("180"), false)).isEmpty();
            assertViolation(generous.initialDose(1, true, false, mg("181"), false), "session-maximum-exceeded");
        }
    }

    @Nested
    class SupplementalDose {

        final Dose eighty = new Dose(DoseKind.INITIAL, mg("80"), DOSE);
        final Dose oneTwenty = new Dose(DoseKind.INITIAL, mg("120"), DOSE);

        Instant minutesAfter(int minutes) {
            return DOSE.plus(Duration.ofMinutes(minutes));
        }

        @Test
        void eightyNineMinutesAfterTheInitialDoseIsTooEarly() {
            Optional<Violation> violation = mapp2.supplementalDose(eighty, 0, mg("40"), minutesAfter(89), false);
            assertViolation(violation, "supplemental-dose-timing");
            assertThat(violation.get().params()).containsEntry("minutesSinceInitialDose", 89L)
                    .containsEntry("minMinutes", 90).containsEntry("maxMinutes", 120);
        }

        @Test
        void ninetyMinutesAfterTheInitialDoseIsAllowed() {
            assertThat(mapp2.supplementalDose(eighty, 0, mg("40"), minutesAfter(90), false)).isEmpty();
        }

        @Test
        void oneHundredTwentyMinutesAfterTheInitialDoseIsAllowed() {
            assertThat(mapp2.supplementalDose(eighty, 0, mg("40"), minutesAfter(120), false)).isEmpty();
        }

        @Test
        void oneHundredTwentyOneMinutesAfterTheInitialDoseIsTooLateUnderMapp2() {
            assertViolation(mapp2.supplementalDose(eighty, 0, mg("40"), minutesAfter(121), false),
                    "supplemental-dose-timing");
        }

        @Test
        void mapp1AllowsUpToOneHundredFiftyMinutes() {
            assertThat(mapp1.supplementalDose(eighty, 0, mg("40"), minutesAfter(150), false)).isEmpty();
            assertViolation(mapp1.supplementalDose(eighty, 0, mg("40"), minutesAfter(151), false),
                    "supplemental-dose-timing");
        }

        @Test
        void isNotGivenBeforeTheInitialDose() {
            assertViolation(mapp2.supplementalDose(eighty, 0, mg("40"), DOSE.minusSeconds(60), false),
                    "supplemental-dose-timing");
        }

        @Test
        void atMostOneSupplementalDose() {
            Optional<Violation> second = mapp2.supplementalDose(eighty, 1, mg("40"), minutesAfter(100), false);
            assertViolation(second, "supplemental-dose-limit");
            assertThat(second.get().params()).containsEntry("maxSupplementalDoses", 1);
        }

        @Test
        void isExactlyHalfTheInitialDose() {
            assertThat(mapp2.supplementalDose(eighty, 0, mg("40.00"), minutesAfter(100), false)).isEmpty();
            assertViolation(mapp2.supplementalDose(eighty, 0, mg("39"), minutesAfter(100), false),
                    "supplemental-dose-amount");
            Optional<Violation> tooMuch = mapp2.supplementalDose(eighty, 0, mg("41"), minutesAfter(100), false);
            assertViolation(tooMuch, "supplemental-dose-amount");
            assertThat(tooMuch.get().params()).containsEntry("expectedMg", mg("40"));
        }

        @Test
        void aSessionTotalOfOneHundredEightyIsAllowed() {
            assertThat(mapp2.supplementalDose(oneTwenty, 0, mg("60"), minutesAfter(100), false)).isEmpty();
        }

        @Test
        void aSessionTotalOfOneHundredEightyOneExceedsTheMaximum() {
            Optional<Violation> violation = mapp2.supplementalDose(oneTwenty, 0, mg("61"), minutesAfter(100), false);
            assertViolation(violation, "session-maximum-exceeded");
            assertThat(violation.get().params()).containsEntry("totalMg", mg("181")).containsEntry("maximumMg", mg("180"));
        }

        @Test
        void needsAnInitialDose() {
            assertViolation(mapp2.supplementalDose(null, 0, mg("40"), minutesAfter(100), false), "initial-dose-missing");
        }

        @Test
        void isNotGivenUnderASafetyHold() {
            assertViolation(mapp2.supplementalDose(eighty, 0, mg("40"), minutesAfter(100), true), "safety-hold-active");
        }
    }

    @Nested
    class SessionMaximum {

        @Test
        void oneHundredEightyIsTheMostASessionTotals() {
            assertThat(mapp1.sessionMaximum(mg("180"))).isEmpty();
            assertViolation(mapp1.sessionMaximum(mg("181")), "session-maximum-exceeded");
            assertViolation(mapp1.sessionMaximum(mg("180.01")), "session-maximum-exceeded");
        }
    }

    @Nested
    class Completion {

        final Dose initial = new Dose(DoseKind.INITIAL, mg("80"), DOSE);

        @Test
        void dischargeBeforeEightHoursOfMonitoringIsTooEarly() {
            Optional<Violation> violation = mapp1.completion(initial, DOSE.plus(Duration.ofMinutes(479)));
            assertViolation(violation, "monitoring-too-short");
            assertThat(violation.get().params()).containsEntry("monitoredMinutes", 479L)
                    .containsEntry("minimumMonitoringMinutes", 480L);
        }

        @Test
        void dischargeAfterEightHoursOfMonitoringIsAllowed() {
            assertThat(mapp1.completion(initial, DOSE.plus(Duration.ofHours(8)))).isEmpty();
        }

        @Test
        void aSessionWithoutAnInitialDoseIsNotCompleted() {
            assertViolation(mapp1.completion(null, DOSE.plus(Duration.ofHours(9))), "initial-dose-missing");
        }
    }

    @Test
    void minutesSinceTheInitialDoseAreCountedFromIt() {
        Dose initial = new Dose(DoseKind.INITIAL, BigDecimal.valueOf(80), DOSE);
        assertThat(DosingRules.minutesSinceInitialDose(initial, DOSE.plus(Duration.ofMinutes(100)))).isEqualTo(100);
        assertThat(DosingRules.minutesSinceInitialDose(initial, DOSE.minusSeconds(1))).isNull();
        assertThat(DosingRules.minutesSinceInitialDose(null, DOSE)).isNull();
    }
}
