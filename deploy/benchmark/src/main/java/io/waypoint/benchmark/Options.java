package io.waypoint.benchmark;

import io.waypoint.localstack.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The benchmark's flags; see README.md beside this module's pom for what each one does. */
record Options(
        Path repo,
        Path stateDirectory,
        Path serviceJars,
        Path kafkaLibs,
        Duration jitWarmup,
        Duration warmup,
        Duration window,
        List<Integer> rates,
        int inFlight,
        Duration drainTimeout,
        Duration stallTimeout,
        int l2Patients,
        boolean l2Dosing,
        int therapists,
        int rooms,
        Duration asyncTimeout,
        int baselineRate,
        int partitions,
        int scalePartitions,
        Duration rebuildTimeout,
        Set<String> phases,
        List<String> serviceJvmOptions,
        boolean record,
        boolean smoke,
        String command) {

    static final List<String> ALL_PHASES = List.of("l1", "l2", "baseline", "l3", "l4");

    static final String USAGE = """
            deploy/benchmark/run [flags]
              --jit-warmup=60s         once after the services start: front-desk load at 500/s, not measured, so
                                       the services' JIT compilers are done before the first window (0 = none)
              --warmup=30s             warm-up before each measured window
              --window=60s             length of each measured window
              --rates=200,500,1000     L1 fixed rates (referrals/s); the closed loop at maximum always runs too
              --in-flight=1000         records kept in flight by the closed loops (L1 max, L4, baseline max)
              --drain-timeout=600s     longest a run waits for its last records after its window
              --stall-timeout=30s      ... ending early when nothing arrives for this long (then: lost)
              --l2-patients=32         journeys driven at once in L2
              --l2-dosing=true         L2 continues each journey to its first dosing session's completion
              --therapists=40          lead-qualified therapists and co-therapists added (each) before L2
              --rooms=40               dosing suites and therapy rooms added (each) before L2
              --async-timeout=60s      how long an L2 journey waits for one asynchronous step
              --baseline-rate=1000     fixed rate of the baseline's latency run (and of the p99 ratio)
              --partitions=3           partitions of every topic for L1, L2, L3 and the baseline
              --scale-partitions=6     partitions of every topic for L4 (a fresh broker)
              --rebuild-timeout=300s   longest L3 waits for the rebuilt projection to catch up
              --only=l1,l2,baseline,l3,l4   phases to run (default all)
              --service-jvm-options=steady-state|start-up|throughput|"flags..."
                                       JVM flags of each service: steady-state (default, the manifests': C1),
                                       start-up (the local stack's), throughput (C2), or the flags given
              --service-jars=DIR       service jars from DIR/<service>/target/<service>-0.1.0-SNAPSHOT-exec.jar
                                       (and DIR/deploy/local-stack/target/kafka-libs when present)
              --kafka-libs=DIR         the broker's jars (default <repo>/deploy/local-stack/target/kafka-libs)
              --state-dir=DIR          logs and data (default <repo>/deploy/benchmark/target/run)
              --smoke                  warm-up 5 s, windows 10 s, one rate (1000/s), shorter drains
              --record                 append the results to BENCHMARKS.md as a dated section
            """;

    static Options parse(String[] args) {
        Path repo = Path.of(System.getProperty("waypoint.home", ".")).toAbsolutePath().normalize();
        Path stateDirectory = null;
        Path serviceJars = null;
        Path kafkaLibs = null;
        Duration jitWarmup = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(30);
        Duration window = Duration.ofSeconds(60);
        List<Integer> rates = List.of(200, 500, 1000);
        int inFlight = 1000;
        Duration drainTimeout = Duration.ofSeconds(600);
        Duration stallTimeout = Duration.ofSeconds(30);
        int l2Patients = 32;
        boolean l2Dosing = true;
        int therapists = 40;
        int rooms = 40;
        Duration asyncTimeout = Duration.ofSeconds(60);
        int baselineRate = 1000;
        int partitions = 3;
        int scalePartitions = 6;
        Duration rebuildTimeout = Duration.ofSeconds(300);
        Set<String> phases = new LinkedHashSet<>(ALL_PHASES);
        List<String> jvmOptions = ServiceProcess.STEADY_STATE_JVM_OPTIONS;
        boolean record = false;
        boolean smoke = false;
        List<String> explicit = new ArrayList<>();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            explicit.add(name);
            switch (name) {
                case "--repo" -> repo = Path.of(value).toAbsolutePath().normalize();
                case "--state-dir" -> stateDirectory = Path.of(value).toAbsolutePath().normalize();
                case "--service-jars" -> serviceJars = Path.of(value).toAbsolutePath().normalize();
                case "--kafka-libs" -> kafkaLibs = Path.of(value).toAbsolutePath().normalize();
                case "--jit-warmup" -> jitWarmup = duration(value);
                case "--warmup" -> warmup = duration(value);
                case "--window" -> window = duration(value);
                case "--rates" -> rates = value.isBlank() ? List.of() : Arrays.stream(value.split(","))
                        .map(String::trim).map(Integer::parseInt).toList();
                case "--in-flight" -> inFlight = Integer.parseInt(value);
                case "--drain-timeout" -> drainTimeout = duration(value);
                case "--stall-timeout" -> stallTimeout = duration(value);
                case "--l2-patients" -> l2Patients = Integer.parseInt(value);
                case "--l2-dosing" -> l2Dosing = value.isEmpty() || Boolean.parseBoolean(value);
                case "--therapists" -> therapists = Integer.parseInt(value);
                case "--rooms" -> rooms = Integer.parseInt(value);
                case "--async-timeout" -> asyncTimeout = duration(value);
                case "--baseline-rate" -> baselineRate = Integer.parseInt(value);
                case "--partitions" -> partitions = Integer.parseInt(value);
                case "--scale-partitions" -> scalePartitions = Integer.parseInt(value);
                case "--rebuild-timeout" -> rebuildTimeout = duration(value);
                case "--only" -> {
                    phases = new LinkedHashSet<>();
                    for (String phase : value.toLowerCase(Locale.ROOT).split(",")) {
                        if (!ALL_PHASES.contains(phase.trim())) {
                            throw new IllegalArgumentException("unknown phase " + phase + " (phases: " + ALL_PHASES + ")");
                        }
                        phases.add(phase.trim());
                    }
                }
                case "--service-jvm-options" -> jvmOptions = switch (value.trim()) {
                    case "steady-state" -> ServiceProcess.STEADY_STATE_JVM_OPTIONS;
                    case "start-up" -> ServiceProcess.START_UP_JVM_OPTIONS;
                    case "throughput" -> ServiceProcess.THROUGHPUT_JVM_OPTIONS;
                    default -> Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                };
                case "--record" -> record = true;
                case "--smoke" -> smoke = true;
                case "--help", "-h" -> throw new UsageRequested();
                default -> throw new IllegalArgumentException("unknown flag " + arg);
            }
        }
        if (smoke) {
            if (!explicit.contains("--jit-warmup")) {
                jitWarmup = Duration.ZERO;
            }
            if (!explicit.contains("--warmup")) {
                warmup = Duration.ofSeconds(5);
            }
            if (!explicit.contains("--window")) {
                window = Duration.ofSeconds(10);
            }
            if (!explicit.contains("--rates")) {
                rates = List.of(1000);
            }
            if (!explicit.contains("--drain-timeout")) {
                drainTimeout = Duration.ofSeconds(60);
            }
            if (!explicit.contains("--stall-timeout")) {
                stallTimeout = Duration.ofSeconds(15);
            }
            if (!explicit.contains("--l2-patients")) {
                l2Patients = 8;
            }
            if (!explicit.contains("--rebuild-timeout")) {
                rebuildTimeout = Duration.ofSeconds(180);
            }
        }
        if (stateDirectory == null) {
            stateDirectory = repo.resolve("deploy/benchmark/target/run");
        }
        if (kafkaLibs == null) {
            Path fromJars = serviceJars == null ? null : serviceJars.resolve("deploy/local-stack/target/kafka-libs");
            kafkaLibs = fromJars != null && Files.isDirectory(fromJars) ? fromJars
                    : repo.resolve("deploy/local-stack/target/kafka-libs");
        }
        String command = System.getProperty("benchmark.command", "deploy/benchmark/run " + String.join(" ", args));
        return new Options(repo, stateDirectory, serviceJars, kafkaLibs, jitWarmup, warmup, window, rates, inFlight,
                drainTimeout, stallTimeout, l2Patients, l2Dosing, therapists, rooms, asyncTimeout, baselineRate,
                partitions, scalePartitions, rebuildTimeout, phases, jvmOptions, record, smoke, command);
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The runnable jar of a service: from {@code --service-jars} when given, else as the reactor build leaves it. */
    Path jar(String service) {
        Path root = serviceJars != null ? serviceJars : repo;
        return root.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms}, a bare number of seconds, or ISO-8601 ({@code PT1M}). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }

    /** {@code --help}: print the usage and stop. */
    static final class UsageRequested extends RuntimeException {
        UsageRequested() {
            super("usage");
        }
    }
}
