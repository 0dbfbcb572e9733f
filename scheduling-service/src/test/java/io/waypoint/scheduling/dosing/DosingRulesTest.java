package io.waypoint.scheduling.dosing;

import static io.waypoint.scheduling.dosing.Profiles.mg;
import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.platform.rules.Violation;
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
            Optional<Violation> twoOfThree = mapp1.checkIn(1, 2, 3, 0, 3, null, DOSE);
            assertViolation(twoOfThree, "preparation-incomplete");
            assertThat(twoOfThree.get().params())
                    .containsEntry("completedPreparatorySessions", 2)
                    .containsEntry("requiredPreparatorySessions", 3);
            assertThat(mapp1.checkIn(1, 3, 3, 0, 3, null, DOSE)).isEmpty();
        }

        @Test
        void twentyDaysAfterThePreviousInitialDoseIsTooEarly() {
            Optional<Violation> violation = mapp1.checkIn(2, 3, 3, 3, 3, DOSE, DOSE.plus(Duration.ofDays(20)));
            assertViolation(violation, "dosing-window-violated");
            assertThat(violation.get().params())
                    .containsEntry("daysSincePreviousDose", 20L)
                    .containsEntry("minDays", 21)
                    .containsEntry("maxDays", 35)
                    .containsEntry("previousInitialDoseAt", DOSE.toString());
        }

        @Test
        void twentyOneDaysAfterThePreviousInitialDoseIsAllowed() {
            assertThat(mapp1.checkIn(2, 3, 3, 3, 3, DOSE, DOSE.plus(Duration.ofDays(21)))).isEmpty();
        }

        @Test
        void thirtyFiveDaysAfterThePreviousInitialDoseIsAllowed() {
            assertThat(mapp1.checkIn(3, 3, 3, 3, 3, DOSE, DOSE.plus(Duration.ofDays(35)))).isEmpty();
        }

        @Test
        void thirtySixDaysAfterThePreviousInitialDoseIsTooLate() {
            assertViolation(mapp1.checkIn(3, 3, 3, 3, 3, DOSE, DOSE.plus(Duration.ofDays(36))), "dosing-window-violated");
        }

        @Test
        void daysAreCalendarDaysAtTheSite() {
            Instant lateEvening = siteTime(4, 1, 23, 30);
            Instant morningTwentyOneDaysLater = siteTime(4, 22, 8, 0);
            assertThat(Duration.between(lateEvening, morningTwentyOneDaysLater).toDays()).isEqualTo(20);
            assertThat(mapp1.checkIn(2, 3, 3, 3, 3, lateEvening, morningTwentyOneDaysLater)).isEmpty();
        }

        @Test
        void aLaterSessionNeedsEveryIntegrationSessionOfThePreviousCycleCompleted() {
            Instant checkIn = DOSE.plus(Duration.ofDays(28));
            Optional<Violation> twoOfThree = mapp1.checkIn(2, 3, 3, 2, 3, DOSE, checkIn);
            assertViolation(twoOfThree, "integration-incomplete");
            assertThat(twoOfThree.get().params())
                    .containsEntry("dosingNumber", 2)
                    .containsEntry("completedIntegrationSessions", 2)
                    .containsEntry("requiredIntegrationSessions", 3);
            assertThat(mapp1.checkIn(2, 3, 3, 3, 3, DOSE, checkIn)).isEmpty();
            assertViolation(mapp1.checkIn(3, 3, 3, 0, 3, DOSE, checkIn), "integration-incomplete");
        }

        @Test
        void theFirstSessionNeedsNoIntegrationSession() {
            assertThat(mapp1.checkIn(1, 3, 3, 0, 3, null, DOSE)).isEmpty();
        }

        @Test
        void aLaterSessionNeedsAnInitialDoseInThePreviousOne() {
            assertViolation(mapp1.checkIn(2, 3, 3, 3, 3, null, DOSE), "previous-dosing-incomplete");
        }

        @Test
        void noMoreThanTheConfiguredNumberOfDosingSessions() {
            assertThat(mapp1.checkIn(3, 3, 3, 3, 3, DOSE, DOSE.plus(Duration.ofDays(28)))).isEmpty();
            Optional<Violation> fourth = mapp1.checkIn(4, 3, 3, 3, 3, DOSE, DOSE.plus(Duration.ofDays(28)));
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

        static final VitalSigns NORMAL = new VitalSigns(141, 88, 92, mg("37.1"));
        static final VitalSigns SYSTOLIC_165 = new VitalSigns(165, 95, 96, mg("37.6"));

        final Dose eighty = new Dose(DoseKind.INITIAL, mg("80"), DOSE);
        final Dose oneTwenty = new Dose(DoseKind.INITIAL, mg("120"), DOSE);

        Instant minutesAfter(int minutes) {
            return DOSE.plus(Duration.ofMinutes(minutes));
        }

        /** A supplemental dose at {@code at} after normal vital signs ten minutes before it. */
        Optional<Violation> supplemental(DosingRules rules, Dose initial, String amountMg, Instant at) {
            return rules.supplementalDose(initial == null ? List.of() : List.of(initial), mg(amountMg), at,
                    new VitalsReading(at.minus(Duration.ofMinutes(10)), NORMAL), false);
        }

        @Test
        void eightyNineMinutesAfterTheInitialDoseIsTooEarly() {
            Optional<Violation> violation = supplemental(mapp2, eighty, "40", minutesAfter(89));
            assertViolation(violation, "supplemental-dose-timing");
            assertThat(violation.get().params()).containsEntry("minutesSinceInitialDose", 89L)
                    .containsEntry("minMinutes", 90).containsEntry("maxMinutes", 120);
        }

        @Test
        void oneSecondBeforeNinetyMinutesIsTooEarly() {
            assertViolation(supplemental(mapp2, eighty, "40", minutesAfter(90).minusSeconds(1)),
                    "supplemental-dose-timing");
        }

        @Test
        void ninetyMinutesAfterTheInitialDoseIsAllowed() {
            assertThat(supplemental(mapp2, eighty, "40", minutesAfter(90))).isEmpty();
        }

        @Test
        void oneHundredTwentyMinutesAfterTheInitialDoseIsAllowed() {
            assertThat(supplemental(mapp2, eighty, "40", minutesAfter(120))).isEmpty();
        }

        @Test
        void oneHundredTwentyMinutesAndThirtySecondsIsTooLateUnderMapp2() {
            Optional<Violation> violation = supplemental(mapp2, eighty, "40", minutesAfter(120).plusSeconds(30));
            assertViolation(violation, "supplemental-dose-timing");
            assertThat(violation.get().params()).containsEntry("sinceInitialDose", "PT2H30S");
        }

        @Test
        void oneHundredTwentyOneMinutesAfterTheInitialDoseIsTooLateUnderMapp2() {
            assertViolation(supplemental(mapp2, eighty, "40", minutesAfter(121)), "supplemental-dose-timing");
        }

        @Test
        void mapp1AllowsUpToOneHundredFiftyMinutes() {
            assertThat(supplemental(mapp1, eighty, "40", minutesAfter(150))).isEmpty();
            assertViolation(supplemental(mapp1, eighty, "40", minutesAfter(150).plusSeconds(1)),
                    "supplemental-dose-timing");
        }

        @Test
        void isNotGivenBeforeTheInitialDose() {
            assertViolation(supplemental(mapp2, eighty, "40", DOSE.minusSeconds(60)), "supplemental-dose-timing");
        }

        @Test
        void atMostOneSupplementalDose() {
            Dose first = new Dose(DoseKind.SUPPLEMENTAL, mg("40"), minutesAfter(95));
            Optional<Violation> second = mapp2.supplementalDose(List.of(eighty, first), mg("40"), minutesAfter(100),
                    new VitalsReading(minutesAfter(97), NORMAL), false);
            assertViolation(second, "supplemental-dose-limit");
            assertThat(second.get().params()).containsEntry("maxSupplementalDoses", 1);
        }

        @Test
        void isExactlyHalfTheInitialDose() {
            assertThat(supplemental(mapp2, eighty, "40.00", minutesAfter(100))).isEmpty();
            assertViolation(supplemental(mapp2, eighty, "39", minutesAfter(100)), "supplemental-dose-amount");
            Optional<Violation> tooMuch = supplemental(mapp2, eighty, "41", minutesAfter(100));
            assertViolation(tooMuch, "supplemental-dose-amount");
            assertThat(tooMuch.get().params()).containsEntry("expectedMg", mg("40"));
        }

        @Test
        void aSessionTotalOfOneHundredEightyIsAllowed() {
            assertThat(supplemental(mapp2, oneTwenty, "60", minutesAfter(100))).isEmpty();
        }

        @Test
        void aSessionTotalOfOneHundredEightyOneExceedsTheMaximum() {
            Optional<Violation> violation = supplemental(mapp2, oneTwenty, "61", minutesAfter(100));
            assertViolation(violation, "session-maximum-exceeded");
            assertThat(violation.get().params()).containsEntry("totalMg", mg("181")).containsEntry("maximumMg", mg("180"));
        }

        @Test
        void theSessionMaximumCountsEveryDoseOfTheSession() {
            DosingRules twoSupplemental = new DosingRules(Profiles.withSupplementalDoses(2), SITE);
            Dose first = new Dose(DoseKind.SUPPLEMENTAL, mg("60"), minutesAfter(95));
            VitalsReading vitals = new VitalsReading(minutesAfter(105), NORMAL);
            assertThat(twoSupplemental.supplementalDose(List.of(oneTwenty), mg("60"), minutesAfter(95),
                    new VitalsReading(minutesAfter(90), NORMAL), false)).isEmpty();
            Optional<Violation> second = twoSupplemental.supplementalDose(List.of(oneTwenty, first), mg("60"),
                    minutesAfter(110), vitals, false);
            assertViolation(second, "session-maximum-exceeded");
            assertThat(second.get().params()).containsEntry("totalMg", mg("240"));
        }

        @Test
        void needsVitalSignsMeasuredBeforeIt() {
            Optional<Violation> none = mapp2.supplementalDose(List.of(eighty), mg("40"), minutesAfter(100), null, false);
            assertViolation(none, "supplemental-dose-vitals-required");
            assertThat(none.get().params()).containsEntry("vitalsWithinMinutes", 30L);
        }

        @Test
        void vitalSignsThirtyMinutesBeforeAreRecentEnoughAndThirtyOneAreNot() {
            Instant at = minutesAfter(100);
            assertThat(mapp2.supplementalDose(List.of(eighty), mg("40"), at,
                    new VitalsReading(at.minus(Duration.ofMinutes(30)), NORMAL), false)).isEmpty();
            Optional<Violation> stale = mapp2.supplementalDose(List.of(eighty), mg("40"), at,
                    new VitalsReading(at.minus(Duration.ofMinutes(31)), NORMAL), false);
            assertViolation(stale, "supplemental-dose-vitals-required");
            assertThat(stale.get().params()).containsEntry("latestVitalsAt", at.minus(Duration.ofMinutes(31)).toString());
        }

        @Test
        void vitalSignsMeasuredAtTheDoseItselfCount() {
            Instant at = minutesAfter(100);
            assertThat(mapp2.supplementalDose(List.of(eighty), mg("40"), at, new VitalsReading(at, NORMAL), false))
                    .isEmpty();
        }

        @Test
        void aSystolicOf165TenMinutesBeforeForbidsIt() {
            Instant at = minutesAfter(100);
            Optional<Violation> high = mapp2.supplementalDose(List.of(eighty), mg("40"), at,
                    new VitalsReading(at.minus(Duration.ofMinutes(10)), SYSTOLIC_165), false);
            assertViolation(high, "supplemental-dose-vitals-out-of-range");
            assertThat(high.get().params()).containsEntry("outOfRange", List.of("SYSTOLIC_HIGH"));
        }

        @Test
        void needsAnInitialDose() {
            assertViolation(supplemental(mapp2, null, "40", minutesAfter(100)), "initial-dose-missing");
        }

        @Test
        void isNotGivenUnderASafetyHold() {
            assertViolation(mapp2.supplementalDose(List.of(eighty), mg("40"), minutesAfter(100),
                    new VitalsReading(minutesAfter(95), NORMAL), true), "safety-hold-active");
        }
    }

    @Nested
    class Sequence {

        final Instant checkIn = DOSE.minus(Duration.ofMinutes(30));
        final Instant preDoseCheck = DOSE.minus(Duration.ofMinutes(15));
        final Dose initial = new Dose(DoseKind.INITIAL, mg("80"), DOSE);
        final Dose supplemental = new Dose(DoseKind.SUPPLEMENTAL, mg("40"), DOSE.plus(Duration.ofMinutes(100)));

        SessionTimeline timeline(Dose... doses) {
            return new SessionTimeline(checkIn, preDoseCheck, List.of(doses));
        }

        @Test
        void thePreDoseCheckIsNotBeforeTheCheckIn() {
            Optional<Violation> early = DosingRules.sequence(SessionStep.PRE_DOSE_CHECK, checkIn.minusSeconds(1),
                    timeline());
            assertViolation(early, "dosing-sequence-violated");
            assertThat(early.get().params()).containsEntry("step", "PRE_DOSE_CHECK")
                    .containsEntry("mustFollow", "CHECK_IN")
                    .containsEntry("mustFollowAt", checkIn.toString())
                    .containsEntry("occurredAt", checkIn.minusSeconds(1).toString());
            assertThat(DosingRules.sequence(SessionStep.PRE_DOSE_CHECK, checkIn, timeline())).isEmpty();
        }

        @Test
        void theInitialDoseIsNotBeforeThePreDoseCheck() {
            Optional<Violation> early = DosingRules.sequence(SessionStep.INITIAL_DOSE, preDoseCheck.minusSeconds(1),
                    timeline());
            assertViolation(early, "dosing-sequence-violated");
            assertThat(early.get().params()).containsEntry("mustFollow", "PRE_DOSE_CHECK");
            assertThat(DosingRules.sequence(SessionStep.INITIAL_DOSE, preDoseCheck, timeline())).isEmpty();
        }

        @Test
        void theSupplementalDoseIsNotBeforeTheInitialDose() {
            Optional<Violation> early = DosingRules.sequence(SessionStep.SUPPLEMENTAL_DOSE, DOSE.minusSeconds(1),
                    timeline(initial));
            assertViolation(early, "dosing-sequence-violated");
            assertThat(early.get().params()).containsEntry("mustFollow", "INITIAL_DOSE");
            assertThat(DosingRules.sequence(SessionStep.SUPPLEMENTAL_DOSE, DOSE, timeline(initial))).isEmpty();
        }

        @Test
        void vitalSignsAreNotBeforeTheCheckIn() {
            assertViolation(DosingRules.sequence(SessionStep.VITALS, checkIn.minusSeconds(1), timeline(initial)),
                    "dosing-sequence-violated");
            assertThat(DosingRules.sequence(SessionStep.VITALS, checkIn, timeline(initial))).isEmpty();
        }

        @Test
        void dischargeIsNotBeforeTheLastDose() {
            Instant last = supplemental.administeredAt();
            Optional<Violation> early = DosingRules.sequence(SessionStep.DISCHARGE, last.minusSeconds(1),
                    timeline(initial, supplemental));
            assertViolation(early, "dosing-sequence-violated");
            assertThat(early.get().params()).containsEntry("mustFollow", "SUPPLEMENTAL_DOSE")
                    .containsEntry("mustFollowAt", last.toString());
            assertThat(DosingRules.sequence(SessionStep.DISCHARGE, last, timeline(initial, supplemental))).isEmpty();
        }

        @Test
        void withoutAKnownCheckInNothingPrecedesTheFirstRecord() {
            assertThat(DosingRules.sequence(SessionStep.VITALS, checkIn.minusSeconds(1),
                    new SessionTimeline(null, null, List.of()))).isEmpty();
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
            Optional<Violation> violation = mapp1.completion(initial, DOSE.plus(Duration.ofMinutes(479)), true);
            assertViolation(violation, "monitoring-too-short");
            assertThat(violation.get().params()).containsEntry("monitoredMinutes", 479L)
                    .containsEntry("minimumMonitoringMinutes", 480L);
        }

        @Test
        void dischargeAfterEightHoursOfMonitoringIsAllowed() {
            assertThat(mapp1.completion(initial, DOSE.plus(Duration.ofHours(8)), true)).isEmpty();
        }

        @Test
        void withoutTheRequiredOvernightStayTheSessionIsNotCompleted() {
            Optional<Violation> violation = mapp1.completion(initial, DOSE.plus(Duration.ofHours(23)), false);
            assertViolation(violation, "overnight-stay-required");
            assertThat(violation.get().params()).containsEntry("overnightStayRequired", true);
            assertViolation(mapp2.completion(initial, DOSE.plus(Duration.ofHours(23)), false), "overnight-stay-required");
        }

        @Test
        void aProfileWithoutOvernightStayCompletesWithoutOne() {
            DosingRules dayCase = new DosingRules(Profiles.withoutOvernightStay(), SITE);
            assertThat(dayCase.completion(initial, DOSE.plus(Duration.ofHours(8)), false)).isEmpty();
        }

        @Test
        void aSessionWithoutAnInitialDoseIsNotCompleted() {
            assertViolation(mapp1.completion(null, DOSE.plus(Duration.ofHours(9)), true), "initial-dose-missing");
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
