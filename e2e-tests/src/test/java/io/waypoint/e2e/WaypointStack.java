package io.waypoint.e2e;

import io.waypoint.localstack.LocalStack;
import io.waypoint.localstack.ServiceSpec;
import io.waypoint.localstack.demo.DemoJourney;
import java.nio.file.Path;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The three services as separate processes, exactly as the local stack runs them, on a real in-JVM KRaft broker
 * and a real embedded PostgreSQL. One per test class; closed in reverse order.
 */
final class WaypointStack implements AutoCloseable {

    final EmbeddedKafkaKraftBroker broker;
    final LocalStack stack;

    private WaypointStack(EmbeddedKafkaKraftBroker broker, LocalStack stack) {
        this.broker = broker;
        this.stack = stack;
    }

    static WaypointStack start(String name) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        try {
            Path repoRoot = Path.of(System.getProperty("waypoint.repo-root", "..")).toAbsolutePath().normalize();
            LocalStack stack = LocalStack.builder(repoRoot)
                    .stateDirectory(repoRoot.resolve("e2e-tests/target/" + name))
                    .kafkaBootstrapServers(broker.getBrokersAsString())
                    .randomPorts()
                    .reporter(line -> System.out.println("[stack] " + line))
                    .start();
            return new WaypointStack(broker, stack);
        } catch (RuntimeException e) {
            broker.destroy();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    DemoJourney.Endpoints endpoints() {
        return new DemoJourney.Endpoints(stack.baseUri(ServiceSpec.INTAKE), stack.baseUri(ServiceSpec.SCHEDULING),
                stack.baseUri(ServiceSpec.FOLLOWUP));
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            broker.destroy();
        }
    }
}
