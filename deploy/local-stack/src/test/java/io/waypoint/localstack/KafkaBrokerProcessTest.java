package io.waypoint.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerProcessTest {

    @TempDir
    Path directory;

    @Test
    void configuresOneCombinedKraftNodeWithReplicationFactorsOfOne() {
        KafkaBrokerProcess.Settings settings = KafkaBrokerProcess.Settings
                .defaults(Path.of("libs"), directory.resolve("kafka"), directory.resolve("kafka.log"));

        Map<String, String> p = KafkaBrokerProcess.serverProperties(settings);

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@localhost:9093")
                .containsEntry("listeners", "PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://localhost:9092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("log.dirs", directory.resolve("kafka").resolve("data").toAbsolutePath().toString());
        assertThat(KafkaBrokerProcess.render(p)).contains("process.roles=broker,controller\n").endsWith("\n");
    }

    @Test
    void portsFollowTheSettings() {
        KafkaBrokerProcess.Settings settings = KafkaBrokerProcess.Settings
                .defaults(Path.of("libs"), directory, directory.resolve("kafka.log")).withPorts(19092, 19093);

        Map<String, String> p = KafkaBrokerProcess.serverProperties(settings);

        assertThat(settings.bootstrapServers()).isEqualTo("localhost:19092");
        assertThat(p).containsEntry("controller.quorum.voters", "1@localhost:19093")
                .containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aRealBrokerStartsFromTheCopiedJarsAnswersAndStops() throws Exception {
        Path kafkaLibs = Path.of(System.getProperty("waypoint.kafka-libs", "target/kafka-libs"));
        KafkaBrokerProcess.Settings settings = KafkaBrokerProcess.Settings
                .defaults(kafkaLibs, directory.resolve("kafka"), directory.resolve("logs/kafka.log"))
                .withPorts(PortAllocator.freePort(), PortAllocator.freePort());
        PidFiles pidFiles = new PidFiles(directory.resolve("pids"));

        KafkaBrokerProcess broker = KafkaBrokerProcess.start(settings, pidFiles);
        try {
            assertThat(pidFiles.read(LocalStack.KAFKA)).contains(broker.pid());
            assertThat(KafkaBrokerProcess.describeCluster(broker.bootstrapServers(), Duration.ofSeconds(10)))
                    .containsExactly(1);
            assertThat(directory.resolve("kafka/data/meta.properties")).exists();
            assertThat(Files.readString(settings.logFile())).contains("Kafka Server started");
        } finally {
            broker.close();
        }

        assertThat(broker.isAlive()).isFalse();
        assertThat(pidFiles.read(LocalStack.KAFKA)).isEmpty();
        assertThat(PortAllocator.isFree(settings.port())).isTrue();
    }
}
