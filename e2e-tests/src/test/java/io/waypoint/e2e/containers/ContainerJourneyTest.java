package io.waypoint.e2e.containers;

import io.waypoint.e2e.PatientJourneyScenarios;
import io.waypoint.e2e.WaypointStack;
import io.waypoint.localstack.ServiceSpec;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same scenarios on the broker image of the Kafka version the services' clients are (apache/kafka) and on a
 * PostgreSQL server image, each in its own container. Skipped where there is no Docker; CI runs it on a runner that
 * has one.
 *
 * <p>Boot's {@code @ServiceConnection} does not fit here: it turns a container into connection details for a Spring
 * application context in this JVM, and there is none: the services are separate processes configured through their
 * environment. So the containers' coordinates go to the local stack's builder, which sets that environment.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerJourneyTest extends PatientJourneyScenarios {

    /** The broker release matching the kafka-clients version Spring Boot manages for the services. */
    static final String KAFKA_IMAGE = "apache/kafka:" + AppInfoParser.getVersion();
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(KAFKA_IMAGE);

    /** One database per service, created by the image's entrypoint before the server accepts connections. */
    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer(POSTGRES_IMAGE)
            .withCopyToContainer(Transferable.of(createDatabases()), "/docker-entrypoint-initdb.d/waypoint.sql");

    @Override
    protected WaypointStack startWaypoint() {
        String server = "jdbc:postgresql://" + POSTGRES.getHost() + ":"
                + POSTGRES.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/";
        return WaypointStack.start("e2e-containers", KAFKA.getBootstrapServers(), database -> server + database,
                POSTGRES.getUsername(), POSTGRES.getPassword());
    }

    private static String createDatabases() {
        return ServiceSpec.standard(Path.of(".")).stream().map(ServiceSpec::database).distinct()
                .map(database -> "CREATE DATABASE " + database + ";\n").collect(Collectors.joining());
    }
}
