package io.waypoint.localstack.demo;

import io.waypoint.localstack.demo.FakeWaypoint.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DemoJourneyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private FakeWaypoint fake;
    private DemoJourney.Result result;

    @BeforeEach
    void runTheDemoAgainstTheContracts() throws Exception {
        fake = new FakeWaypoint();
        DemoJourney.Endpoints endpoints = new DemoJourney.Endpoints(fake.baseUri(), fake.baseUri(), fake.baseUri());
        result = new DemoJourney(endpoints, DemoPlan.load(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(20),
                line -> { }).run();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void drivesTheJourneyToCompletionThroughEverySession() {
        assertThat(result.journeyId()).isEqualTo(FakeWaypoint.JOURNEY);
        assertThat(result.finalStage()).isEqualTo("COMPLETED");
        assertThat(result.careTeam().leadTherapistId()).isEqualTo("t-lead-1");
        assertThat(result.appointments()).hasSize(3 + 3 + 9).allMatch(a -> a.status().equals("COMPLETED"));
        assertThat(result.durations()).containsKeys("intake (referral to enrollment)", "sessions", "total");
    }

    @Test
    void everyFactHappenedInThePast() {
        List<Instant> occurred = fake.requests.stream().filter(r -> r.body() != null)
                .map(r -> Instant.parse(r.body().path("occurredAt").asString())).toList();
        assertThat(occurred).isNotEmpty().allMatch(at -> at.isBefore(NOW));
        Instant referral = at(fake.posts("/api/v1/referrals").getFirst());
        assertThat(referral).isEqualTo(NOW.minus(Duration.ofDays(520)));
    }

    @Test
    void sessionsArePerformedInTimeOrder() {
        List<Instant> checkIns = fake.posts("/check-in").stream().map(DemoJourneyTest::at).toList();
        assertThat(checkIns).hasSize(15).isSorted();
    }

    @Test
    void dosesFollowTheSessionClock() {
        List<Request> doses = fake.posts("/doses");
        List<Integer> initial = amounts(doses, "INITIAL");
        List<Integer> supplemental = amounts(doses, "SUPPLEMENTAL");
        assertThat(initial).containsExactly(80, 120, 120);
        assertThat(supplemental).containsExactly(40, 60, 60);
        for (int i = 0; i < doses.size(); i += 2) {
            assertThat(Duration.between(at(doses.get(i)), at(doses.get(i + 1)))).isEqualTo(Duration.ofMinutes(100));
            assertThat(doses.get(i).body().path("dispensedBy").asString()).isEqualTo("t-lead-1");
        }
        assertThat(fake.posts("/vitals")).hasSize(9);
    }

    @Test
    void dischargeIsAfterTheMonitoringMinimumAndBeforeTheFirstIntegrationSession() {
        List<Request> completions = fake.posts("/dosing-completion");
        List<Request> initialDoses = fake.posts("/doses").stream()
                .filter(r -> r.body().path("doseKind").asString().equals("INITIAL")).toList();
        assertThat(completions).hasSize(3);
        for (int n = 0; n < 3; n++) {
            Instant discharge = at(completions.get(n));
            assertThat(completions.get(n).body().path("overnightStay").asBoolean()).isTrue();
            assertThat(discharge).isAfterOrEqualTo(at(initialDoses.get(n)).plus(Duration.ofHours(8)));
            String integrationId = "integration-" + (n + 1) + "-1";
            Instant integrationStart = result.appointments().stream()
                    .filter(a -> a.appointmentId().equals(integrationId)).findFirst().orElseThrow().start();
            assertThat(discharge).isBefore(integrationStart);
        }
    }

    @Test
    void followUpRetriesTheCommandTheServiceDidNotYetKnowWithTheSameKey() {
        List<Request> checkIns = fake.posts("/check-ins");
        assertThat(checkIns).hasSize(3);
        assertThat(checkIns.get(0).idempotencyKey()).isEqualTo(checkIns.get(1).idempotencyKey());
        assertThat(checkIns.get(2).idempotencyKey()).isNotEqualTo(checkIns.get(0).idempotencyKey());
        assertThat(fake.posts("/adverse-events")).singleElement()
                .satisfies(r -> assertThat(r.body().path("favourable").asBoolean()).isTrue());
    }

    @Test
    void outcomesAreRatedOutsideTheCareTeamAtTheirTimepoints() {
        List<Request> outcomes = fake.posts("/outcome-assessments");
        assertThat(outcomes).extracting(r -> r.body().path("timepoint").asString())
                .containsExactly("PRIMARY_ENDPOINT", "LONG_TERM_6M", "LONG_TERM_12M");
        assertThat(outcomes).allMatch(r -> r.body().path("raterId").asString().equals("independent-rater-01"));
        Instant baseline = Instant.parse(fake.posts("/enrollment").getFirst().body().path("baselineAt").asString());
        assertThat(at(outcomes.getFirst())).isEqualTo(baseline.plus(Duration.ofDays(126)));
        Instant lastInitialDose = at(fake.posts("/doses").get(4));
        assertThat(at(outcomes.get(2)))
                .isEqualTo(lastInitialDose.atZone(ZoneOffset.UTC).plusMonths(12).toInstant());
    }

    private static List<Integer> amounts(List<Request> doses, String kind) {
        return doses.stream().map(Request::body).filter(b -> b.path("doseKind").asString().equals(kind))
                .map(b -> b.path("amountMg").asInt()).toList();
    }

    private static Instant at(Request request) {
        JsonNode body = request.body();
        return Instant.parse(body.path("occurredAt").asString());
    }

}
