package io.waypoint.e2e;

import io.waypoint.localstack.LocalStack;
import io.waypoint.localstack.ServiceSpec;
import io.waypoint.localstack.demo.DemoJourney;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The three services as separate processes, exactly as the local stack runs them, on a real broker and a real
 * PostgreSQL: by default an in-JVM KRaft broker and an embedded PostgreSQL, or ones run elsewhere (containers).
 * One per test class; closed in reverse order.
 */
public final class WaypointStack implements AutoCloseable {

    private final String bootstrapServers;
    private final LocalStack stack;
    private final Runnable stopBroker;

    private WaypointStack(String bootstrapServers, LocalStack stack, Runnable stopBroker) {
        this.bootstrapServers = bootstrapServers;
        this.stack = stack;
        this.stopBroker = stopBroker;
    }

    /** On an in-JVM KRaft broker this stack starts and an embedded PostgreSQL the local stack starts. */
    public static WaypointStack start(String name) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        try {
            return start(name, broker.getBrokersAsString(), builder -> builder, broker::destroy);
        } catch (RuntimeException e) {
            broker.destroy();
            throw e;
        }
    }

    /**
     * On a broker and a PostgreSQL run (and stopped) by the caller. {@code jdbcUrl} maps a service's database name
     * (intake, scheduling, followup) to its JDBC URL; the databases must exist.
     */
    public static WaypointStack start(String name, String bootstrapServers, UnaryOperator<String> jdbcUrl,
                                      String user, String password) {
        return start(name, bootstrapServers, builder -> builder.postgres(jdbcUrl, user, password), () -> {
        });
    }

    private static WaypointStack start(String name, String bootstrapServers, UnaryOperator<LocalStack.Builder> backends,
                                       Runnable stopBroker) {
        Path repoRoot = Path.of(System.getProperty("waypoint.repo-root", "..")).toAbsolutePath().normalize();
        LocalStack stack = backends.apply(LocalStack.builder(repoRoot)
                        .stateDirectory(repoRoot.resolve("e2e-tests/target/" + name))
                        .kafkaBootstrapServers(bootstrapServers)
                        .randomPorts()
                        .reporter(line -> System.out.println("[stack] " + line)))
                .start();
        return new WaypointStack(bootstrapServers, stack, stopBroker);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The base URI of one running service, by its name. */
    public java.net.URI baseUri(String service) {
        return stack.baseUri(service);
    }

    public DemoJourney.Endpoints endpoints() {
        return new DemoJourney.Endpoints(stack.baseUri(ServiceSpec.INTAKE), stack.baseUri(ServiceSpec.SCHEDULING),
                stack.baseUri(ServiceSpec.FOLLOWUP));
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            stopBroker.run();
        }
    }
}
