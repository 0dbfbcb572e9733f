package io.waypoint.intake.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.waypoint.platform.rules.Violation;
import io.waypoint.platform.rules.Violation.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JourneyRulesTest {

    @Test
    void aReferralOrAScreeningBeforeTheBirthDateIsRefused() {
        LocalDate born = LocalDate.of(1985, 6, 1);
        assertThat(JourneyRules.referral(born, born.minusDays(1)))
                .hasValueSatisfying(v -> is(v, Kind.RULE, "birth-date-after-referral"));
        assertThat(JourneyRules.referral(born, born)).isEmpty();
        assertThat(JourneyRules.screeningDate(born, born.minusDays(1)))
                .hasValueSatisfying(v -> is(v, Kind.RULE, "screening-before-birth"));
        assertThat(JourneyRules.screeningDate(born, born)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = JourneyStatus.class, names = {"REFERRED", "ELIGIBLE", "INELIGIBLE"})
    void screeningIsOpenUntilConsent(JourneyStatus status) {
        assertThat(JourneyRules.screening(status)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = JourneyStatus.class, names = {"CONSENTED", "ENROLLED"})
    void screeningClosesWithConsent(JourneyStatus status) {
        assertThat(JourneyRules.screening(status)).hasValueSatisfying(v -> is(v, Kind.CONFLICT, "screening-closed"));
    }

    @Test
    void consentNeedsAnEligibleJourney() {
        assertThat(JourneyRules.consent(JourneyStatus.ELIGIBLE, List.of())).isEmpty();
    }

    @Test
    void consentBeforeScreeningIsOutOfOrder() {
        assertThat(JourneyRules.consent(JourneyStatus.REFERRED, List.of()))
                .hasValueSatisfying(v -> is(v, Kind.CONFLICT, "screening-missing"));
    }

    @Test
    void consentOfAnIneligiblePatientIsRefusedWithTheReasons() {
        Optional<Violation> violation = JourneyRules.consent(JourneyStatus.INELIGIBLE, List.of("CAPS5_BELOW_THRESHOLD"));
        assertThat(violation).hasValueSatisfying(v -> {
            is(v, Kind.RULE, "not-eligible");
            assertThat(v.params()).containsEntry("reasons", List.of("CAPS5_BELOW_THRESHOLD"));
        });
    }

    @ParameterizedTest
    @EnumSource(value = JourneyStatus.class, names = {"CONSENTED", "ENROLLED"})
    void consentIsRecordedOnce(JourneyStatus status) {
        assertThat(JourneyRules.consent(status, List.of()))
                .hasValueSatisfying(v -> is(v, Kind.CONFLICT, "consent-already-recorded"));
    }

    @Test
    void aRequiredOvernightStayMustBeAgreed() {
        assertThat(JourneyRules.consentTerms(false, true))
                .hasValueSatisfying(v -> is(v, Kind.RULE, "overnight-stay-not-agreed"));
        assertThat(JourneyRules.consentTerms(true, true)).isEmpty();
        assertThat(JourneyRules.consentTerms(false, false)).isEmpty();
    }

    @Test
    void enrollmentFollowsConsent() {
        assertThat(JourneyRules.enrollment(JourneyStatus.CONSENTED, List.of())).isEmpty();
        assertThat(JourneyRules.enrollment(JourneyStatus.ELIGIBLE, List.of()))
                .hasValueSatisfying(v -> is(v, Kind.RULE, "consent-missing"));
        assertThat(JourneyRules.enrollment(JourneyStatus.INELIGIBLE, List.of("CSSRS_POSITIVE")))
                .hasValueSatisfying(v -> is(v, Kind.RULE, "not-eligible"));
        assertThat(JourneyRules.enrollment(JourneyStatus.REFERRED, List.of()))
                .hasValueSatisfying(v -> is(v, Kind.CONFLICT, "screening-missing"));
        assertThat(JourneyRules.enrollment(JourneyStatus.ENROLLED, List.of()))
                .hasValueSatisfying(v -> is(v, Kind.CONFLICT, "already-enrolled"));
    }

    @Test
    void aBaselineBelowTheThresholdIsRefusedAndOneAtItIsAccepted() {
        assertThat(JourneyRules.baseline(34, 35)).hasValueSatisfying(v -> {
            is(v, Kind.RULE, "baseline-below-threshold");
            assertThat(v.params()).containsExactly(entry("baselineCaps5Total", 34), entry("minCaps5Total", 35));
        });
        assertThat(JourneyRules.baseline(35, 35)).isEmpty();
        assertThat(JourneyRules.baseline(27, 28)).isPresent();
        assertThat(JourneyRules.baseline(28, 28)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = JourneyStatus.class, names = "WITHDRAWN", mode = EnumSource.Mode.EXCLUDE)
    void aJourneyCanBeWithdrawnFromAnyOtherState(JourneyStatus status) {
        assertThat(JourneyRules.withdrawal(status)).isEmpty();
    }

    @Test
    void aWithdrawnJourneyTakesNoFurtherCommand() {
        assertThat(JourneyRules.withdrawal(JourneyStatus.WITHDRAWN))
                .hasValueSatisfying(v -> is(v, Kind.CONFLICT, "journey-withdrawn"));
        assertThat(JourneyRules.screening(JourneyStatus.WITHDRAWN)).isPresent();
        assertThat(JourneyRules.consent(JourneyStatus.WITHDRAWN, List.of())).isPresent();
        assertThat(JourneyRules.enrollment(JourneyStatus.WITHDRAWN, List.of())).isPresent();
    }

    private static void is(Violation violation, Kind kind, String slug) {
        assertThat(violation.kind()).isEqualTo(kind);
        assertThat(violation.slug()).isEqualTo(slug);
    }
}
