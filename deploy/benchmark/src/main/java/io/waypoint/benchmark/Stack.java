package io.waypoint.benchmark;

import io.waypoint.localstack.KafkaBrokerProcess;
import io.waypoint.localstack.LocalStack;
import io.waypoint.localstack.PidFiles;
import io.waypoint.localstack.PortAllocator;
import io.waypoint.localstack.ServiceProcess;
import io.waypoint.localstack.ServiceSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The stack under test, assembled from the local stack's parts: a KRaft broker ({@link KafkaBrokerProcess}), the
 * durable PostgreSQL of this module, and service instances ({@link ServiceProcess}), any number per service, each
 * with its own port and log. Everything on localhost, on free ports. Stops what it started: services, then the
 * broker, then PostgreSQL.
 */
final class Stack implements AutoCloseable {

    /** One running service process. */
    record Instance(String service, String name, String database, ServiceProcess process) {
        URI baseUri() {
            return process.baseUri();
        }

        long pid() {
            return process.pid();
        }
    }

    static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Options options;
    private final Path stateDirectory;
    private final PidFiles pidFiles;
    private final Consumer<String> out;
    private final ProcessStats stats;
    private final List<Instance> instances = Collections.synchronizedList(new ArrayList<>());
    private DurablePostgres postgres;
    private KafkaBrokerProcess broker;
    private int brokerPartitions;
    private boolean closed;

    Stack(Options options, Consumer<String> out, ProcessStats stats) {
        this.options = options;
        this.stateDirectory = options.stateDirectory();
        this.pidFiles = new PidFiles(stateDirectory.resolve("pids"));
        this.out = out;
        this.stats = stats;
    }

    Path logs() {
        return stateDirectory.resolve("logs");
    }

    /** Stops whatever an earlier run that was killed hard left running (by its pid files). */
    void stopLeftovers() {
        List<String> stopped = pidFiles.stopLeftovers(LocalStack.OWN_COMMANDS, Duration.ofSeconds(30));
        if (!stopped.isEmpty()) {
            out.accept("Stopped what an earlier run left running: " + stopped);
        }
    }

    synchronized DurablePostgres startPostgres() {
        long started = System.nanoTime();
        postgres = DurablePostgres.start(stateDirectory.resolve("postgres"), logs().resolve("postgres.log"), pidFiles);
        stats.watch("postgres", postgres::postmasterPid, true);
        out.accept(String.format("PostgreSQL ready on port %d (%.1f s)", postgres.port(), seconds(started)));
        return postgres;
    }

    DurablePostgres postgres() {
        return postgres;
    }

    /** A fresh broker (storage formatted anew) whose own default is {@code partitions} per topic. */
    synchronized String startBroker(String name, int partitions) {
        if (broker != null) {
            throw new IllegalStateException("a broker is running already");
        }
        long started = System.nanoTime();
        Path directory = stateDirectory.resolve(name);
        Path logFile = logs().resolve(name + ".log");
        deleteIfExists(logFile);
        KafkaBrokerProcess.Settings defaults = KafkaBrokerProcess.Settings.defaults(options.kafkaLibs(), directory,
                logFile);
        KafkaBrokerProcess.Settings settings = new KafkaBrokerProcess.Settings(defaults.kafkaLibs(),
                defaults.directory(), defaults.logFile(), defaults.host(), PortAllocator.freePort(),
                PortAllocator.freePort(), partitions, defaults.heap(), defaults.startTimeout());
        broker = KafkaBrokerProcess.start(settings, pidFiles);
        brokerPartitions = partitions;
        KafkaBrokerProcess running = broker;
        stats.watch("kafka", () -> Optional.of(running.pid()), false);
        out.accept(String.format("Kafka broker (KRaft, pid %d) ready at %s, %d partitions per topic (%.1f s)",
                broker.pid(), broker.bootstrapServers(), partitions, seconds(started)));
        return broker.bootstrapServers();
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    int partitions() {
        return brokerPartitions;
    }

    synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
            stats.unwatch("kafka");
        }
    }

    /**
     * Starts one instance of {@code service} on a free port against {@code database}, without waiting for it.
     * {@code environment} and {@code jvmOptions} come on top of the usual ones.
     */
    Instance launch(String service, String instanceName, String database, Map<String, String> environment,
                    List<String> extraJvmOptions) {
        Path jar = options.jar(service);
        ServiceSpec spec = new ServiceSpec(instanceName, PortAllocator.freePort(), database, jar);
        Map<String, String> env = new LinkedHashMap<>(ServiceProcess.environment(spec, postgres.jdbcUrl(database),
                broker.bootstrapServers()));
        env.put("DATABASE_USER", DurablePostgres.USER);
        env.put("DATABASE_PASSWORD", DurablePostgres.PASSWORD);
        env.put("WAYPOINT_KAFKA_PARTITIONS", Integer.toString(brokerPartitions));
        env.putAll(environment);
        List<String> jvm = new ArrayList<>(options.serviceJvmOptions());
        jvm.addAll(extraJvmOptions);
        ServiceProcess process = ServiceProcess.launch(spec, env, jvm, stateDirectory,
                logs().resolve(instanceName + ".log"), pidFiles);
        Instance instance = new Instance(service, instanceName, database, process);
        instances.add(instance);
        stats.watch(instanceName, () -> Optional.of(process.pid()), false);
        return instance;
    }

    /** Waits for every given instance to be UP, in parallel; prints how long each took. */
    void awaitHealthy(List<Instance> starting) {
        long started = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> health = new ArrayList<>();
            for (Instance instance : starting) {
                health.add(executor.submit(() -> {
                    Duration took = instance.process().awaitHealthy(START_TIMEOUT);
                    out.accept(String.format("  %-22s UP on %s in %.1f s (pid %d, log %s)", instance.name(),
                            instance.baseUri(), took.toMillis() / 1000.0, instance.pid(),
                            logs().resolve(instance.name() + ".log")));
                    return null;
                }));
            }
            for (Future<?> future : health) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting services", e);
                }
            }
        }
        out.accept(String.format("services UP (%.1f s)", seconds(started)));
    }

    List<Instance> instances() {
        synchronized (instances) {
            return List.copyOf(instances);
        }
    }

    Instance first(String service) {
        return instances().stream().filter(i -> i.service().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no running " + service));
    }

    void stop(Instance instance) {
        instance.process().close();
        instances.remove(instance);
        stats.unwatch(instance.name());
    }

    void stopServices() {
        List<Instance> running = instances();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            running.forEach(instance -> executor.submit(() -> stop(instance)));
        }
    }

    /** Services first, then the broker, then PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopServices();
        } finally {
            try {
                stopBroker();
            } finally {
                if (postgres != null) {
                    postgres.close();
                    stats.unwatch("postgres");
                }
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
