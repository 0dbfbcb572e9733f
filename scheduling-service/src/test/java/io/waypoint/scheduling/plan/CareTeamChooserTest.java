package io.waypoint.scheduling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.scheduling.roster.Therapist;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CareTeamChooserTest {

    static final Therapist LEAD_1 = new Therapist("t-lead-1", "Dr. A", true);
    static final Therapist LEAD_2 = new Therapist("t-lead-2", "Dr. B", true);
    static final Therapist CO_1 = new Therapist("t-co-1", "C", false);
    static final Therapist CO_2 = new Therapist("t-co-2", "D", false);
    static final List<Therapist> ROSTER = List.of(CO_2, LEAD_2, CO_1, LEAD_1);

    @Test
    void withEqualLoadsTheLowestIdsWinAndTheCoTherapistIsNotLeadQualified() {
        assertThat(CareTeamChooser.choose(ROSTER, Map.of())).contains(new CareTeam("t-lead-1", "t-co-1"));
    }

    @Test
    void theLeastLoadedLeadQualifiedTherapistLeads() {
        assertThat(CareTeamChooser.choose(ROSTER, Map.of("t-lead-1", 2, "t-lead-2", 1)))
                .get().extracting(CareTeam::leadTherapistId).isEqualTo("t-lead-2");
    }

    @Test
    void theLeastLoadedOtherTherapistIsCoTherapist() {
        assertThat(CareTeamChooser.choose(ROSTER, Map.of("t-lead-1", 1, "t-lead-2", 2, "t-co-1", 3, "t-co-2", 1)))
                .contains(new CareTeam("t-lead-1", "t-co-2"));
    }

    @Test
    void aLessLoadedLeadQualifiedTherapistMayBeCoTherapist() {
        assertThat(CareTeamChooser.choose(ROSTER, Map.of("t-co-1", 2, "t-co-2", 2)))
                .contains(new CareTeam("t-lead-1", "t-lead-2"));
    }

    @Test
    void noLeadQualifiedTherapistMeansNoCareTeam() {
        assertThat(CareTeamChooser.choose(List.of(CO_1, CO_2), Map.of())).isEmpty();
    }

    @Test
    void aLeadAloneIsNoCareTeam() {
        assertThat(CareTeamChooser.choose(List.of(LEAD_1), Map.of())).isEmpty();
    }
}
