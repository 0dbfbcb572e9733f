package io.waypoint.localstack;

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
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The whole of Waypoint on one machine: a KRaft Kafka broker (unless one is given), embedded PostgreSQL with a
 * database per service (unless one is given), and the three services as processes. Stops everything it started, in
 * reverse order.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder(repoRoot).kafkaBootstrapServers(embeddedBroker).randomPorts().start()) {
 *     URI intake = stack.baseUri(ServiceSpec.INTAKE);
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    public static final String KAFKA = "kafka";
    public static final String POSTGRES = "postgres";
    /** Executables a pid file of an earlier run may name; anything else with a recycled pid is left alone. */
    public static final List<String> OWN_COMMANDS = List.of("java", "postgres");

    private final Builder settings;
    private final Map<String, Duration> timings = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());
    private final PidFiles pidFiles;
    private KafkaBrokerProcess broker;
    private PostgresServer postgres;
    private String bootstrapServers;
    private List<ServiceSpec> resolvedServices = List.of();
    private boolean closed;

    private LocalStack(Builder settings) {
        this.settings = settings;
        this.pidFiles = new PidFiles(settings.stateDirectory.resolve("pids"));
    }

    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /**
     * Starts broker and PostgreSQL (each unless one was given), then the services in parallel; returns when all are
     * UP.
     */
    public LocalStack start() {
        requireJars();
        try {
            Files.createDirectories(logsDirectory());
            startKafka();
            startPostgres();
            startServices();
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** Fails before starting anything when a jar is missing, naming it. */
    private void requireJars() {
        for (ServiceSpec spec : settings.services) {
            if (!Files.isRegularFile(spec.jar())) {
                throw new IllegalStateException(spec.name() + " has no runnable jar at " + spec.jar()
                        + ": build it first (./mvnw -DskipTests install)");
            }
        }
        if (settings.externalBootstrapServers == null && !Files.isDirectory(settings.kafkaLibs)) {
            throw new IllegalStateException("the Kafka broker's jars are missing (" + settings.kafkaLibs
                    + "): build the local-stack module first (./mvnw -DskipTests install)");
        }
    }

    private void startKafka() {
        if (settings.externalBootstrapServers != null) {
            bootstrapServers = settings.externalBootstrapServers;
            settings.reporter.accept("Kafka: using the broker at " + bootstrapServers);
            return;
        }
        long started = System.nanoTime();
        int port = resolvePort(settings.kafkaPort, "Kafka");
        int controllerPort = resolvePort(settings.kafkaControllerPort, "the Kafka controller");
        KafkaBrokerProcess.Settings brokerSettings = KafkaBrokerProcess.Settings
                .defaults(settings.kafkaLibs, settings.stateDirectory.resolve("kafka"), logsDirectory().resolve("kafka.log"))
                .withPorts(port, controllerPort);
        deleteIfExists(brokerSettings.logFile());
        broker = KafkaBrokerProcess.start(brokerSettings, pidFiles);
        bootstrapServers = broker.bootstrapServers();
        report("Kafka broker (KRaft, pid " + broker.pid() + ") ready at " + bootstrapServers, KAFKA, started);
    }

    private void startPostgres() {
        if (settings.externalPostgres != null) {
            settings.reporter.accept("PostgreSQL: using the databases at " + settings.services.stream()
                    .map(ServiceSpec::database).distinct().map(settings.externalPostgres.jdbcUrl()).toList());
            return;
        }
        long started = System.nanoTime();
        int port = resolvePort(settings.postgresPort, "PostgreSQL");
        List<String> databases = settings.services.stream().map(ServiceSpec::database).distinct().toList();
        postgres = PostgresServer.start(port, settings.stateDirectory.resolve("postgres"),
                logsDirectory().resolve("postgres.log"), databases, pidFiles);
        report("PostgreSQL ready on port " + postgres.port() + " with databases " + databases, POSTGRES, started);
    }

    private void startServices() {
        long started = System.nanoTime();
        List<ServiceSpec> specs = new ArrayList<>();
        for (ServiceSpec spec : settings.services) {
            specs.add(spec.withPort(resolvePort(spec.port(), spec.name())));
        }
        resolvedServices = List.copyOf(specs);
        ClassDataSharing cds = settings.classDataSharing
                ? new ClassDataSharing(settings.stateDirectory.resolve("cds")) : null;
        ExternalPostgres external = settings.externalPostgres;
        for (ServiceSpec spec : resolvedServices) {
            Map<String, String> environment = new LinkedHashMap<>(ServiceProcess.environment(spec,
                    external != null ? external.jdbcUrl().apply(spec.database()) : postgres.jdbcUrl(spec.database()),
                    bootstrapServers));
            if (external != null) {
                environment.put("DATABASE_USER", external.user());
                environment.put("DATABASE_PASSWORD", external.password());
            }
            environment.putAll(settings.serviceEnvironment);
            ServiceSpec toRun = spec;
            List<String> jvmOptions = settings.jvmOptions;
            if (cds != null) {
                ClassDataSharing.Launch launch = cds.prepare(spec, logsDirectory().resolve("cds-extract.log"));
                toRun = spec.withJar(launch.jar());
                jvmOptions = new ArrayList<>(settings.jvmOptions);
                jvmOptions.addAll(launch.jvmOptions());
            }
            services.add(ServiceProcess.launch(toRun, environment, jvmOptions, settings.repoRoot,
                    logsDirectory().resolve(spec.name() + ".log"), pidFiles));
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Duration>> health = new ArrayList<>();
            for (ServiceProcess service : List.copyOf(services)) {
                health.add(executor.submit(() -> {
                    Duration took = service.awaitHealthy(settings.serviceStartTimeout);
                    timings.put(service.spec().name(), took);
                    settings.reporter.accept(String.format("  %-18s UP on %s in %.1f s (pid %d, log %s)",
                            service.spec().name(), service.baseUri(), took.toMillis() / 1000.0, service.pid(),
                            settings.repoRoot.relativize(service.logFile().toAbsolutePath())));
                    return took;
                }));
            }
            for (Future<Duration> future : health) {
                awaitService(future);
            }
        }
        report("services UP", "services", started);
    }

    private void awaitService(Future<Duration> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            // Stop the others now: their waits then end at once instead of running into their own timeouts.
            stopServices();
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the services", e);
        }
    }

    private int resolvePort(int port, String usedFor) {
        if (port == 0) {
            return PortAllocator.freePort();
        }
        PortAllocator.awaitFree(port, usedFor, settings.portReleaseTimeout);
        return port;
    }

    private void report(String message, String step, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        timings.put(step, took);
        settings.reporter.accept(String.format("%s (%.1f s)", message, took.toMillis() / 1000.0));
    }

    public String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    /** Whether this stack runs its own broker (rather than using a given one). */
    public boolean runsBroker() {
        return broker != null;
    }

    /** The PostgreSQL this stack runs; {@code null} when it uses a given one. */
    public PostgresServer postgres() {
        return postgres;
    }

    public List<ServiceSpec> services() {
        return resolvedServices;
    }

    public URI baseUri(String service) {
        return resolvedServices.stream().filter(spec -> spec.name().equals(service)).findFirst()
                .map(spec -> URI.create("http://localhost:" + spec.port()))
                .orElseThrow(() -> new IllegalArgumentException("no service " + service + " in this stack"));
    }

    /** How long each step took (kafka, postgres, each service, services), in start order. */
    public Map<String, Duration> timings() {
        synchronized (timings) {
            return Map.copyOf(timings);
        }
    }

    public Path stateDirectory() {
        return settings.stateDirectory;
    }

    public Path logsDirectory() {
        return settings.stateDirectory.resolve("logs");
    }

    public PidFiles pidFiles() {
        return pidFiles;
    }

    /** Services first, then the broker, then PostgreSQL: nothing loses its backend while still running. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopServices();
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
            pidFiles.remove(POSTGRES);
        }
    }

    private void stopServices() {
        List<ServiceProcess> running;
        synchronized (services) {
            running = List.copyOf(services);
            services.clear();
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            running.forEach(service -> executor.submit(service::close));
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PostgreSQL someone else runs: each service database's JDBC URL, and the credentials for all of them. */
    private record ExternalPostgres(UnaryOperator<String> jdbcUrl, String user, String password) {
    }

    /** Where things are and how they run; every default suits {@code ./waypoint} in the repository root. */
    public static final class Builder {
        private final Path repoRoot;
        private Path stateDirectory;
        private Path kafkaLibs;
        private String externalBootstrapServers;
        private ExternalPostgres externalPostgres;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int postgresPort = 54329;
        private List<ServiceSpec> services;
        private List<String> jvmOptions = ServiceProcess.START_UP_JVM_OPTIONS;
        private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        private Duration serviceStartTimeout = Duration.ofMinutes(5);
        private Duration portReleaseTimeout = Duration.ofSeconds(15);
        private Consumer<String> reporter = System.out::println;
        private boolean classDataSharing;

        private Builder(Path repoRoot) {
            this.repoRoot = repoRoot.toAbsolutePath().normalize();
            this.stateDirectory = this.repoRoot.resolve(".local-stack");
            this.kafkaLibs = this.repoRoot.resolve("deploy/local-stack/target/kafka-libs");
            this.services = ServiceSpec.standard(this.repoRoot);
        }

        /** Directory for logs, pid files, broker and database data (default {@code <repo>/.local-stack}). */
        public Builder stateDirectory(Path directory) {
            this.stateDirectory = directory.toAbsolutePath().normalize();
            return this;
        }

        public Builder kafkaLibs(Path directory) {
            this.kafkaLibs = directory;
            return this;
        }

        /** Use this broker instead of starting one. */
        public Builder kafkaBootstrapServers(String bootstrapServers) {
            this.externalBootstrapServers = bootstrapServers;
            return this;
        }

        public Builder kafkaPorts(int brokerPort, int controllerPort) {
            this.kafkaPort = brokerPort;
            this.kafkaControllerPort = controllerPort;
            return this;
        }

        /**
         * Use this PostgreSQL instead of starting one. {@code jdbcUrl} maps a service's database name (see
         * {@link ServiceSpec#database()}) to its JDBC URL; those databases must exist and belong to {@code user}.
         */
        public Builder postgres(UnaryOperator<String> jdbcUrl, String user, String password) {
            this.externalPostgres = new ExternalPostgres(Objects.requireNonNull(jdbcUrl), Objects.requireNonNull(user),
                    Objects.requireNonNull(password));
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder services(List<ServiceSpec> serviceSpecs) {
            this.services = List.copyOf(serviceSpecs);
            return this;
        }

        /** Every port (broker, PostgreSQL, services) chosen free at start: for tests running next to a stack. */
        public Builder randomPorts() {
            this.kafkaPort = 0;
            this.kafkaControllerPort = 0;
            this.postgresPort = 0;
            this.services = services.stream().map(spec -> spec.withPort(0)).toList();
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** Extra environment for every service (e.g. {@code SPRING_PROFILES_ACTIVE}). */
        public Builder serviceEnvironment(String name, String value) {
            this.serviceEnvironment.put(name, value);
            return this;
        }

        public Builder serviceStartTimeout(Duration timeout) {
            this.serviceStartTimeout = timeout;
            return this;
        }

        /**
         * Run each service from its extracted jar with a class-data-sharing archive kept in the state directory:
         * the first run writes the archives (when the services stop), later runs start faster.
         */
        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        public Builder reporter(Consumer<String> lineReporter) {
            this.reporter = Objects.requireNonNull(lineReporter);
            return this;
        }

        public LocalStack start() {
            return new LocalStack(this).start();
        }
    }
}
