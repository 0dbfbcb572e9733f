package io.waypoint.localstack.demo;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoPlanTest {

    @Test
    void theShippedPlanReadsCompletely() {
        DemoPlan plan = DemoPlan.load();

        assertThat(plan.patient().birthDate()).isEqualTo(LocalDate.of(1984, 3, 14));
        assertThat(plan.referralBeforeNow()).isEqualTo(TimeOffset.parse("P520D"));
        assertThat(plan.dosing().initialDosesMg()).containsExactly(80, 120, 120);
        assertThat(plan.dosing().vitals()).hasSize(3);
        assertThat(plan.dosing().vitals().getFirst().vitals())
                .isEqualTo(new Vitals(136, 85, 86, new BigDecimal("36.9")));
        assertThat(plan.followUp().checkInDays()).containsExactly(1, 2);
        assertThat(plan.outcomes().longTerm()).extracting(DemoPlan.Assessment::timepoint)
                .containsExactly("LONG_TERM_6M", "LONG_TERM_12M");
        assertThat(plan.outcomes().longTerm().get(1).afterLastDose()).isEqualTo(TimeOffset.parse("P12M"));
    }

    @Test
    void theShippedPlanKeepsTheSessionClockInOrder() {
        DemoPlan.Dosing d = DemoPlan.load().dosing();
        Instant start = Instant.parse("2025-01-06T14:00:00Z");
        Instant initialDose = d.initialDoseAfterStart().after(start);
        Instant supplemental = d.supplementalAfterStart().after(start);

        assertThat(d.preDoseCheckAfterStart().after(start)).isBefore(initialDose);
        assertThat(Duration.between(initialDose, supplemental)).isEqualTo(Duration.ofMinutes(100));
        assertThat(d.dischargeAfterStart().after(start))
                .isAfterOrEqualTo(d.minimumMonitoringAfterInitialDose().after(initialDose));
    }

    @Test
    void theInitialDoseOfALaterSessionRepeatsTheLastConfiguredOne() {
        DemoPlan.Dosing d = DemoPlan.load().dosing();
        assertThat(d.initialDoseMg(1)).isEqualTo(80);
        assertThat(d.initialDoseMg(2)).isEqualTo(120);
        assertThat(d.initialDoseMg(4)).isEqualTo(120);
    }

    @Test
    void aMissingKeyIsNamed() throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader("patient.site-id=demo-clinic\n"));
        assertThatThrownBy(() -> DemoPlan.from(properties))
                .hasMessage("demo-journey.properties: patient.given-name is missing");
    }

    @Test
    void offsetsCarryCalendarAndClockParts() {
        Instant instant = Instant.parse("2024-01-31T10:00:00Z");

        assertThat(TimeOffset.parse("P1M").after(instant)).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        assertThat(TimeOffset.parse("P1DT2H30M").after(instant)).isEqualTo(Instant.parse("2024-02-01T12:30:00Z"));
        assertThat(TimeOffset.parse("PT30M").before(instant)).isEqualTo(Instant.parse("2024-01-31T09:30:00Z"));
        assertThat(TimeOffset.parse("P6M")).isEqualTo(new TimeOffset(Period.ofMonths(6), Duration.ZERO));
        assertThat(TimeOffset.parse("P1DT2H").toString()).isEqualTo("P1DT2H");
    }

    @Test
    void vitalsReadAsWrittenOnAChart() {
        assertThat(Vitals.parse("124/79 72 36.7")).isEqualTo(new Vitals(124, 79, 72, new BigDecimal("36.7")));
        assertThat(Vitals.parse("124/79 72 37").temperatureCelsius()).isEqualTo(new BigDecimal("37.0"));
        assertThatThrownBy(() -> Vitals.parse("124 79 72")).isInstanceOf(IllegalArgumentException.class);
    }
}
