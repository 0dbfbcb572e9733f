package io.waypoint.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waypoint.events.intake.PatientReferred;
import io.waypoint.platform.test.WaypointServiceTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Operations see every binding on /actuator/bindings and pause and resume one without a rebalance. */
@WaypointServiceTest
class BindingsEndpointTest {

    @Autowired PlatformTestApplication.ReferralWriter writer;
    @Autowired PlatformTestApplication.IntakeListener listener;
    @Autowired PlatformTestApplication.Rebalances rebalances;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    @LocalServerPort int port;

    @Test
    void aPausedBindingHandlesNothingUntilResumedAndTheGroupIsNotRebalanced() {
        RestClient actuator = RestClient.create("http://localhost:" + port + "/actuator/bindings");
        String first = UUID.randomUUID().toString();
        writer.refer(first, "before-pause-" + first, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(first));
        int generation = generation();

        actuator.post().uri("/intake-in-0").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("state", "PAUSED")).retrieve().toBodilessEntity();
        assertThat(actuator.get().uri("/intake-in-0").retrieve().body(String.class)).contains("\"paused\":true");
        String second = UUID.randomUUID().toString();
        writer.refer(second, "while-paused-" + second, false);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !handled(second));
        // the committed-offset lag shows the record the paused binding has not handled
        await().atMost(Duration.ofSeconds(10)).until(() -> lag() >= 1);

        actuator.post().uri("/intake-in-0").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("state", "RESUMED")).retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(second));
        await().atMost(Duration.ofSeconds(10)).until(() -> lag() == 0);
        assertThat(generation()).as("partition assignments: no rebalance").isEqualTo(generation);
        assertThat(actuator.get().retrieve().body(String.class))
                .contains("\"bindingName\":\"intake-in-0\"").contains("waypoint.intake.v1");
    }

    private boolean handled(String journeyId) {
        return listener.handled().stream().anyMatch(event -> event instanceof PatientReferred referred
                && journeyId.equals(referred.getEnvelope().getJourneyId()));
    }

    private double lag() {
        var gauge = meters.find("waypoint.consumer.lag").tags("group", "platform-test", "topic", "waypoint.intake.v1")
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private int generation() {
        return rebalances.assignments();
    }
}
