package io.waypoint.followup.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.followup.obligation.AssessmentObligation.Anchor;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObligationPolicyTest {

    private static final AssessmentObligation PRIMARY = new AssessmentObligation("PRIMARY_OUTCOME_ASSESSMENT",
            Anchor.BASELINE, Period.ofWeeks(18), Period.ofDays(14), "CAPS5", "PRIMARY_ENDPOINT");
    private static final AssessmentObligation SIX_MONTHS = new AssessmentObligation("LONG_TERM_FOLLOWUP_6M",
            Anchor.LAST_DOSE, Period.ofMonths(6), Period.ofDays(30), "CAPS5", "LONG_TERM_6M");
    private static final AssessmentObligation TWELVE_MONTHS = new AssessmentObligation("LONG_TERM_FOLLOWUP_12M",
            Anchor.LAST_DOSE, Period.ofMonths(12), Period.ofDays(30), "CAPS5", "LONG_TERM_12M");
    private static final ObligationPolicy POLICY = new ObligationPolicy("INTEGRATION_1_WITHIN_24H",
            Duration.ofHours(24), List.of(PRIMARY, SIX_MONTHS, TWELVE_MONTHS));

    private static final Instant INITIAL_DOSE = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theFirstIntegrationSessionIsDueTheConfiguredHoursAfterTheInitialDose() {
        assertThat(POLICY.firstIntegrationDue(INITIAL_DOSE)).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    }

    @Test
    void anIntegrationSessionExactly24HoursAfterTheInitialDoseIsOnTime() {
        Instant due = POLICY.firstIntegrationDue(INITIAL_DOSE);
        assertThat(ObligationPolicy.onTime(INITIAL_DOSE.plus(Duration.ofHours(24)), due)).isTrue();
    }

    @Test
    void anIntegrationSession24HoursAndOneMinuteAfterTheInitialDoseIsLate() {
        Instant due = POLICY.firstIntegrationDue(INITIAL_DOSE);
        assertThat(ObligationPolicy.onTime(INITIAL_DOSE.plus(Duration.ofHours(24)).plusSeconds(60), due)).isFalse();
    }

    @Test
    void onlyTheFirstIntegrationSessionMeetsTheFirstIntegrationObligation() {
        assertThat(POLICY.meetsFirstIntegration(1)).isTrue();
        assertThat(POLICY.meetsFirstIntegration(2)).isFalse();
    }

    @Test
    void thePrimaryOutcomeIsDue18WeeksAfterBaselinePlusTheWindow() {
        Instant baseline = Instant.parse("2026-01-05T09:00:00Z");
        // 126 days to 2026-05-11, then the 14-day window
        assertThat(PRIMARY.dueAt(baseline)).isEqualTo(Instant.parse("2026-05-25T09:00:00Z"));
    }

    @Test
    void longTermFollowUpCountsCalendarMonthsFromTheLastDosePlusTheWindow() {
        Instant lastDose = Instant.parse("2026-01-31T10:00:00Z");
        // 2026-07-31 + 30 days; 2027-01-31 + 30 days
        assertThat(SIX_MONTHS.dueAt(lastDose)).isEqualTo(Instant.parse("2026-08-30T10:00:00Z"));
        assertThat(TWELVE_MONTHS.dueAt(lastDose)).isEqualTo(Instant.parse("2027-03-02T10:00:00Z"));
    }

    @Test
    void obligationsOpenAtTheirAnchor() {
        assertThat(POLICY.anchoredAt(Anchor.BASELINE)).containsExactly(PRIMARY);
        assertThat(POLICY.anchoredAt(Anchor.LAST_DOSE)).containsExactly(SIX_MONTHS, TWELVE_MONTHS);
    }

    @Test
    void anAssessmentObligationIsMetOnlyByItsInstrumentAtItsTimepoint() {
        assertThat(POLICY.metBy("CAPS5", "PRIMARY_ENDPOINT")).containsExactly(PRIMARY);
        assertThat(POLICY.metBy("CAPS5", "LONG_TERM_12M")).containsExactly(TWELVE_MONTHS);
        assertThat(POLICY.metBy("PCL5", "PRIMARY_ENDPOINT")).isEmpty();
        assertThat(POLICY.metBy("CAPS5", "BASELINE")).isEmpty();
    }
}
