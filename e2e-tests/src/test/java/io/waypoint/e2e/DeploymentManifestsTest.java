package io.waypoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.schemas.Topic;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The production manifests name exactly the catalogue's topics and the services' environment. */
class DeploymentManifestsTest {

    private final Path deploy = Path.of(System.getProperty("waypoint.repo-root", "..")).resolve("deploy");

    @Test
    void strimziTopicsAreTheCatalogue() throws IOException {
        List<String> topics = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(deploy.resolve("k8s/kafka-topics.yaml"))) {
            for (Object document : new Yaml().loadAll(reader)) {
                Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) document).get("spec");
                topics.add((String) spec.get("topicName"));
            }
        }
        assertThat(topics).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Topic.values()).map(Topic::topicName).toList());
    }

    @Test
    void everyServiceManifestSetsTheVariablesTheServicesRead() throws IOException {
        for (String service : List.of("intake-service", "scheduling-service", "followup-service")) {
            String manifest = Files.readString(deploy.resolve("k8s/" + service + ".yaml"));
            assertThat(manifest).as(service).contains("KAFKA_BROKERS", "DATABASE_URL", "DATABASE_USER",
                    "DATABASE_PASSWORD", "PORT", "/actuator/health/readiness", "/actuator/health/liveness");
            String compose = Files.readString(deploy.resolve("compose/compose.yaml"));
            assertThat(compose).contains(service + ":", "jdbc:postgresql://postgres:5432/"
                    + service.substring(0, service.indexOf('-')));
        }
    }
}
