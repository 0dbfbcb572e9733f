package io.waypoint.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one process), run in its own JVM
 * from the jars of {@code org.apache.kafka:kafka_2.13} copied at build time: storage formatted fresh on every start.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** Where and how the broker runs. */
    public record Settings(Path kafkaLibs, Path directory, Path logFile, String host, int port, int controllerPort,
                           int partitions, String heap, Duration startTimeout) {

        public static Settings defaults(Path kafkaLibs, Path directory, Path logFile) {
            return new Settings(kafkaLibs, directory, logFile, "localhost", 9092, 9093, 3, "512m",
                    Duration.ofSeconds(60));
        }

        public Settings withPorts(int brokerPort, int brokerControllerPort) {
            return new Settings(kafkaLibs, directory, logFile, host, brokerPort, brokerControllerPort, partitions, heap,
                    startTimeout);
        }

        public String bootstrapServers() {
            return host + ":" + port;
        }

        Path dataDirectory() {
            return directory.resolve("data");
        }

        Path serverPropertiesFile() {
            return directory.resolve("server.properties");
        }

        Path log4jConfigFile() {
            return directory.resolve("log4j2.properties");
        }
    }

    private static final String LOG4J_TEMPLATE = "kafka-log4j2.properties";

    private final Settings settings;
    private final ManagedProcess process;

    private KafkaBrokerProcess(Settings settings, ManagedProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** The broker configuration: one node, every replication factor 1, data under the given directory. */
    public static Map<String, String> serverProperties(Settings settings) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + settings.host() + ":" + settings.controllerPort());
        p.put("listeners", "PLAINTEXT://" + settings.host() + ":" + settings.port()
                + ",CONTROLLER://" + settings.host() + ":" + settings.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://" + settings.bootstrapServers());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", settings.dataDirectory().toAbsolutePath().toString());
        p.put("num.partitions", Integer.toString(settings.partitions()));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", Integer.toString(settings.partitions()));
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", Integer.toString(settings.partitions()));
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Topics come from the services' topic catalogue, as with the Strimzi KafkaTopics in production.
        p.put("auto.create.topics.enable", "false");
        // One consumer per group locally: no reason to hold the first rebalance back.
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    static String render(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Formats fresh storage, starts the broker and returns once it answers an admin request. */
    public static KafkaBrokerProcess start(Settings settings, PidFiles pidFiles) {
        writeConfiguration(settings);
        format(settings);
        List<String> command = new ArrayList<>(List.of(JavaRuntime.executable(),
                "-Xmx" + settings.heap(),
                "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + settings.log4jConfigFile().toAbsolutePath(),
                "-cp", classpath(settings),
                "kafka.Kafka", settings.serverPropertiesFile().toAbsolutePath().toString()));
        ManagedProcess process = ManagedProcess.start(LocalStack.KAFKA, command, Map.of(), settings.directory(),
                settings.logFile(), pidFiles);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(settings, process);
        try {
            broker.awaitReady();
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Node ids of the cluster as the broker describes it: proof that it serves requests. */
    public static List<Integer> describeCluster(String bootstrapServers, Duration timeout) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .stream().map(node -> node.id()).toList();
        }
    }

    private void awaitReady() {
        Poll.until("Kafka broker at " + bootstrapServers() + " to answer", settings.startTimeout(),
                Duration.ofMillis(500), () -> {
                    process.requireAlive();
                    List<Integer> nodes = describeCluster(bootstrapServers(), Duration.ofSeconds(2));
                    return nodes.isEmpty() ? Optional.empty() : Optional.of(nodes);
                });
    }

    private static void writeConfiguration(Settings settings) {
        try {
            Files.createDirectories(settings.directory());
            Files.writeString(settings.serverPropertiesFile(), render(serverProperties(settings)));
            try (InputStream template = KafkaBrokerProcess.class.getResourceAsStream("/" + LOG4J_TEMPLATE)) {
                if (template == null) {
                    throw new IllegalStateException(LOG4J_TEMPLATE + " is missing from the launcher's classpath");
                }
                Files.write(settings.log4jConfigFile(), template.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration under " + settings.directory(), e);
        }
    }

    /** Formats the (emptied) data directory with a new cluster id, as {@code kafka-storage.sh format} would. */
    private static void format(Settings settings) {
        deleteRecursively(settings.dataDirectory());
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = List.of(JavaRuntime.executable(), "-Xmx128m",
                "-Dlog4j2.configurationFile=" + settings.log4jConfigFile().toAbsolutePath(),
                "-cp", classpath(settings), "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", settings.serverPropertiesFile().toAbsolutePath().toString());
        int exit = ManagedProcess.run("kafka-storage format", command, settings.directory(), settings.logFile(),
                Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit " + exit + "); last lines of "
                    + settings.logFile() + ":\n" + ManagedProcess.logTail(settings.logFile(), 20));
        }
    }

    private static String classpath(Settings settings) {
        Path libs = settings.kafkaLibs().toAbsolutePath();
        try (var jars = Files.list(libs)) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().startsWith("kafka_2.13-"))) {
                throw new IllegalStateException("no kafka_2.13 jar in " + libs + ": build the local-stack module first");
            }
        } catch (IOException e) {
            throw new IllegalStateException("the broker's jars are missing (" + libs + "): build the local-stack module first", e);
        }
        return libs.resolve("*").toString();
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
