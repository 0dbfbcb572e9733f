package io.waypoint.followup.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.followup.obligation.AssessmentObligation;
import io.waypoint.followup.obligation.AssessmentObligation.Anchor;
import io.waypoint.followup.protocol.FollowupProtocol;
import java.io.IOException;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** protocols.yml binds for every profile and yields the protocol's rules. */
class ProtocolConfigurationTest {

    private static ProtocolCatalogue catalogue() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("protocols", new ClassPathResource("protocols.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        return Binder.get(environment).bind("waypoint", ProtocolCatalogue.class).get();
    }

    @Test
    void bothPhase3ProfilesAreConfigured() throws IOException {
        assertThat(catalogue().protocols()).containsOnlyKeys("mapp1", "mapp2");
    }

    @Test
    void mapp1SetsTheCourseObligationsAndCompletionRule() throws IOException {
        FollowupProtocol mapp1 = catalogue().protocols().get("mapp1").toProtocol("mapp1");
        assertThat(mapp1.obligations().firstIntegrationKind()).isEqualTo("INTEGRATION_1_WITHIN_24H");
        assertThat(mapp1.obligations().firstIntegrationWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(mapp1.obligations().anchoredAt(Anchor.BASELINE)).extracting(AssessmentObligation::kind,
                AssessmentObligation::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PRIMARY_OUTCOME_ASSESSMENT", Period.ofWeeks(18)));
        assertThat(mapp1.obligations().anchoredAt(Anchor.LAST_DOSE)).extracting(AssessmentObligation::kind)
                .containsExactly("LONG_TERM_FOLLOWUP_6M", "LONG_TERM_FOLLOWUP_12M");
        assertThat(mapp1.completion().dosingSessions()).isEqualTo(3);
        assertThat(mapp1.completion().integrationSessionsPerDosing()).isEqualTo(3);
        assertThat(mapp1.completion().finalTimepoints())
                .isEqualTo(List.of("PRIMARY_ENDPOINT", "LONG_TERM_6M", "LONG_TERM_12M"));
        assertThat(mapp1.safety().phq9Item9HoldAbove()).isZero();
        assertThat(mapp1.assessments().requiresIndependentRater("CAPS5", "PRIMARY_ENDPOINT")).isTrue();
        assertThat(mapp1.assessments().maxScore("CAPS5")).contains(80);
    }

    @Test
    void mapp2HasTheSameFollowUpStructure() throws IOException {
        FollowupProtocol mapp2 = catalogue().protocols().get("mapp2").toProtocol("mapp2");
        assertThat(mapp2.completion().finalInstrument()).isEqualTo("CAPS5");
        assertThat(mapp2.obligations().assessments()).hasSize(3);
        assertThat(mapp2.safety().holdOnSeriousAdverseEvent()).isTrue();
    }
}
