package io.waypoint.followup.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waypoint.followup.journey.JourneyStage.Phase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StageRulesTest {

    private static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-04T09:00:00Z");

    private static StageState at(JourneyStage stage, Instant since) {
        return new StageState(stage, since, null);
    }

    @Test
    void aJourneyMovesForwardAndRecordsWhenItEnteredTheStage() {
        StageState enrolled = StageRules.advance(StageState.unknown(), JourneyStage.of(Phase.ENROLLED), T1);
        StageState dosing = StageRules.advance(enrolled, JourneyStage.dosing(1), T2);
        assertThat(dosing).isEqualTo(at(JourneyStage.dosing(1), T2));
    }

    @Test
    void aLateEventOfAnEarlierStageDoesNotMoveTheJourneyBack() {
        StageState preparation = at(JourneyStage.of(Phase.PREPARATION), T2);
        assertThat(StageRules.advance(preparation, JourneyStage.of(Phase.ENROLLED), T3)).isEqualTo(preparation);
    }

    @Test
    void reachingTheSameStageAgainKeepsItsStartTime() {
        StageState integration = at(JourneyStage.integration(1), T1);
        assertThat(StageRules.advance(integration, JourneyStage.integration(1), T2)).isEqualTo(integration);
    }

    @Test
    void dosingAndIntegrationStagesAreOrderedByDosingSession() {
        assertThat(JourneyStage.integration(1).rank()).isGreaterThan(JourneyStage.dosing(1).rank());
        assertThat(JourneyStage.dosing(2).rank()).isGreaterThan(JourneyStage.integration(1).rank());
        assertThat(JourneyStage.of(Phase.OUTCOME).rank()).isGreaterThan(JourneyStage.integration(3).rank());
    }

    @Test
    void eligibilityMayBeRevisedEitherWay() {
        StageState ineligible = at(JourneyStage.of(Phase.INELIGIBLE), T1);
        assertThat(StageRules.advance(ineligible, JourneyStage.of(Phase.ELIGIBLE), T2).stage())
                .isEqualTo(JourneyStage.of(Phase.ELIGIBLE));
    }

    @Test
    void aHoldCoversTheStageWhichKeepsMovingAndComesBackOnRelease() {
        StageState held = StageRules.hold(at(JourneyStage.dosing(1), T1), T2);
        assertThat(held.onHold()).isTrue();
        assertThat(held.heldStage()).isEqualTo(JourneyStage.dosing(1));
        StageState movedUnderneath = StageRules.advance(held, JourneyStage.integration(1), T2);
        assertThat(movedUnderneath.stage().phase()).isEqualTo(Phase.ON_HOLD);
        assertThat(movedUnderneath.heldStage()).isEqualTo(JourneyStage.integration(1));
        assertThat(StageRules.release(movedUnderneath, T3)).isEqualTo(at(JourneyStage.integration(1), T3));
    }

    @Test
    void aSecondHoldChangesNothing() {
        StageState held = StageRules.hold(at(JourneyStage.dosing(1), T1), T2);
        assertThat(StageRules.hold(held, T3)).isEqualTo(held);
    }

    @Test
    void completedAndWithdrawnAreFinal() {
        StageState withdrawn = StageRules.withdraw(at(JourneyStage.integration(2), T1), T2);
        assertThat(withdrawn.stage()).isEqualTo(JourneyStage.of(Phase.WITHDRAWN));
        assertThat(StageRules.advance(withdrawn, JourneyStage.dosing(3), T3)).isEqualTo(withdrawn);
        assertThat(StageRules.hold(withdrawn, T3)).isEqualTo(withdrawn);
        StageState completed = StageRules.complete(at(JourneyStage.of(Phase.LONG_TERM_FOLLOWUP), T1), T2);
        assertThat(StageRules.withdraw(completed, T3)).isEqualTo(completed);
    }

    @Test
    void stageNamesRoundTrip() {
        assertThat(JourneyStage.parse("DOSING_2")).isEqualTo(JourneyStage.dosing(2));
        assertThat(JourneyStage.parse("LONG_TERM_FOLLOWUP").name()).isEqualTo("LONG_TERM_FOLLOWUP");
        assertThatThrownBy(() -> JourneyStage.parse("DOSING_0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JourneyStage.parse("DOSING")).isInstanceOf(IllegalArgumentException.class);
    }
}
