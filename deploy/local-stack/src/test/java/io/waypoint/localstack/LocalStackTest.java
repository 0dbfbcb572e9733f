package io.waypoint.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The orchestration with stand-in service jars and a given broker address: databases, environment, parallel
 * start-up, health, pid files and stopping. (The real services are exercised by the end-to-end module.)
 */
class LocalStackTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path repoRoot;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void startsEveryServiceWithItsDatabaseAndTheGivenBrokerThenStopsThem() throws Exception {
        List<String> report = new CopyOnWriteArrayList<>();
        LocalStack stack = LocalStack.builder(repoRoot)
                .kafkaBootstrapServers("localhost:19092")
                .services(fakeServices())
                .randomPorts()
                .jvmOptions(List.of("-Xmx32m"))
                .serviceStartTimeout(Duration.ofSeconds(60))
                .reporter(report::add)
                .start();
        List<ServiceSpec> services;
        try {
            services = stack.services();
            assertThat(stack.runsBroker()).isFalse();
            assertThat(stack.kafkaBootstrapServers()).isEqualTo("localhost:19092");
            assertThat(services).extracting(ServiceSpec::name)
                    .containsExactly(ServiceSpec.INTAKE, ServiceSpec.SCHEDULING, ServiceSpec.FOLLOWUP);
            for (ServiceSpec service : services) {
                JsonNode env = get(stack.baseUri(service.name()).resolve("/env"));
                assertThat(env.path("PORT").asString()).isEqualTo(Integer.toString(service.port()));
                assertThat(env.path("DATABASE_URL").asString())
                        .isEqualTo("jdbc:postgresql://localhost:" + stack.postgres().port() + "/" + service.database());
                assertThat(env.path("DATABASE_USER").asString()).isEqualTo(PostgresServer.USER);
                assertThat(env.path("KAFKA_BROKERS").asString()).isEqualTo("localhost:19092");
                assertThat(stack.pidFiles().read(service.name())).isPresent();
            }
            assertThat(stack.postgres().databases()).contains("intake", "scheduling", "followup");
            assertThat(stack.timings()).containsKeys(LocalStack.POSTGRES, "services", ServiceSpec.INTAKE,
                    ServiceSpec.SCHEDULING, ServiceSpec.FOLLOWUP);
            assertThat(report).anyMatch(line -> line.contains("intake-service") && line.contains("UP on"));
            assertThat(repoRoot.resolve(".local-stack/logs/scheduling-service.log")).content()
                    .contains("fake service listening on");
        } finally {
            stack.close();
        }
        for (ServiceSpec service : services) {
            assertThat(PortAllocator.isFree(service.port())).as(service.name() + " port released").isTrue();
        }
        assertThat(stack.pidFiles().names()).isEmpty();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aServiceThatDiesAtStartUpFailsTheStartWithItsLogAndStopsTheRest() throws Exception {
        LocalStack.Builder builder = LocalStack.builder(repoRoot)
                .kafkaBootstrapServers("localhost:19092")
                .services(fakeServices())
                .randomPorts()
                .jvmOptions(List.of("-Xmx32m"))
                .serviceEnvironment("FAKE_EXIT", "3")
                .serviceStartTimeout(Duration.ofSeconds(60))
                .reporter(line -> { });

        assertThatThrownBy(builder::start)
                .isInstanceOf(Poll.Abort.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("start-up failed on purpose");
        assertThat(new PidFiles(repoRoot.resolve(".local-stack/pids")).names()).isEmpty();
    }

    @Test
    void aMissingJarIsNamedWithHowToBuildIt() {
        LocalStack.Builder builder = LocalStack.builder(repoRoot)
                .kafkaBootstrapServers("localhost:19092")
                .randomPorts()
                .reporter(line -> { });

        assertThatThrownBy(builder::start)
                .hasMessageContaining("intake-service has no runnable jar at")
                .hasMessageContaining("-DskipTests install");
    }

    private List<ServiceSpec> fakeServices() throws Exception {
        List<ServiceSpec> specs = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.standard(repoRoot)) {
            specs.add(spec.withJar(TestProcesses.fakeServiceJar(repoRoot.resolve("jars"), spec.name())));
        }
        return specs;
    }

    private static JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
