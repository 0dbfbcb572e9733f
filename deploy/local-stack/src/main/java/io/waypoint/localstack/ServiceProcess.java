package io.waypoint.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Waypoint service jar run as its own process, ready once {@code /actuator/health} says UP. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Start-up flags, the local stack's: serial GC, C1 only (a demo on a laptop starts and stops, it never runs long
     * enough for C2 to pay back its compile time), small stacks and a capped heap, so three services, a broker and
     * PostgreSQL fit on a laptop next to an IDE.
     */
    public static final List<String> START_UP_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms64m", "-Xmx192m",
            "-XX:ReservedCodeCacheSize=48m", "-Djava.awt.headless=true");

    /**
     * Steady-state flags, for a service that runs for days (the benchmark's default; the Compose and Kubernetes
     * manifests set the same): C1 only, serial GC (one or two cores per service: no concurrent GC threads competing
     * with the listener), metaspace sized past what a service loads (no full GC for "Metadata GC Threshold" while it
     * warms up), a code cache C1 never fills, the same small stacks and heap, and freed native memory given back
     * every 10 s. C1, not C2: with C2 a service's resident memory reached 300–405 MB under whole-journey load, over the
     * 300 MB budget and the manifests' 384 MiB limit, for about 20 % more at a maximum PostgreSQL already caps
     * (BENCHMARKS.md, ADR 8). {@link #THROUGHPUT_JVM_OPTIONS} is that C2 set, for a host with the memory for it.
     */
    public static final List<String> STEADY_STATE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms64m", "-Xmx192m",
            "-XX:MetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-XX:TrimNativeHeapInterval=10000",
            "-Djava.awt.headless=true");

    /**
     * Throughput flags: tiered compilation up to C2 with two compiler threads, a code cache big enough that C2 never
     * forces a full GC to make room ("CodeCache GC Threshold", 160–400 ms pauses with 64 MB), a 160 MB heap and the
     * rest as {@link #STEADY_STATE_JVM_OPTIONS}. Needs about 400 MB per service under load.
     */
    public static final List<String> THROUGHPUT_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx160m", "-XX:MetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=80m", "-XX:CICompilerCount=2", "-XX:TrimNativeHeapInterval=10000",
            "-Djava.awt.headless=true");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceSpec spec;
    private final ManagedProcess process;

    private ServiceProcess(ServiceSpec spec, ManagedProcess process) {
        this.spec = spec;
        this.process = process;
    }

    /** The environment a service reads (see each service's application.yml). */
    public static Map<String, String> environment(ServiceSpec spec, String jdbcUrl, String kafkaBrokers) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(spec.port()));
        env.put("DATABASE_URL", jdbcUrl);
        env.put("DATABASE_USER", PostgresServer.USER);
        env.put("DATABASE_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BROKERS", kafkaBrokers);
        // glibc's malloc keeps up to 8 arenas per core; two are plenty for a service and cost less resident memory
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    public static List<String> command(ServiceSpec spec, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.executable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(spec.jar().toAbsolutePath().toString());
        return command;
    }

    /** Starts the service without waiting for it; see {@link #awaitHealthy(Duration)}. */
    public static ServiceProcess launch(ServiceSpec spec, Map<String, String> environment, List<String> jvmOptions,
                                        Path workingDirectory, Path logFile, PidFiles pidFiles) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException(spec.name() + " has no runnable jar at " + spec.jar()
                    + ": build it first (./mvnw -DskipTests install)");
        }
        try {
            Files.deleteIfExists(logFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot reset " + logFile, e);
        }
        ManagedProcess process = ManagedProcess.start(spec.name(), command(spec, jvmOptions), environment,
                workingDirectory, logFile, pidFiles);
        return new ServiceProcess(spec, process);
    }

    /** Waits (bounded) for health UP; ends early with the log's tail when the process exits. */
    public Duration awaitHealthy(Duration timeout) {
        long started = System.nanoTime();
        Poll.until(spec.name() + " health UP on port " + spec.port(), timeout, Duration.ofMillis(500), () -> {
            process.requireAlive();
            return health(baseUri()).filter("UP"::equals);
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The {@code status} of {@code /actuator/health}, whatever the HTTP status (503 carries DOWN). */
    public static Optional<String> health(URI baseUri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.body() == null || response.body().isBlank()) {
            return Optional.empty();
        }
        JsonNode body = JSON.readTree(response.body());
        return Optional.ofNullable(body.path("status").stringValue(null));
    }

    public ServiceSpec spec() {
        return spec;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + spec.port());
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }
}
