package io.waypoint.localstack;

import io.waypoint.localstack.demo.Api.Therapist;
import io.waypoint.localstack.demo.ApiClient;
import io.waypoint.localstack.demo.DemoJourney;
import io.waypoint.localstack.demo.DemoPlan;
import io.waypoint.localstack.demo.Printouts;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./waypoint}: starts the local stack, drives the demo patient, prints where to look and stays up until
 * Ctrl-C. Flags: {@code --no-demo}, {@code --exit-after-demo}, {@code --postgres-port=N}.
 */
public final class LocalStackMain {

    private static final Duration DEMO_ASYNC_TIMEOUT = Duration.ofSeconds(90);

    record Options(boolean demo, boolean exitAfterDemo, int postgresPort) {

        static Options parse(String... args) {
            boolean demo = true;
            boolean exitAfterDemo = false;
            int postgresPort = 54329;
            for (String arg : args) {
                if (arg.equals("--no-demo")) {
                    demo = false;
                } else if (arg.equals("--exit-after-demo")) {
                    exitAfterDemo = true;
                } else if (arg.startsWith("--postgres-port=")) {
                    postgresPort = Integer.parseInt(arg.substring("--postgres-port=".length()));
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
                }
            }
            return new Options(demo, exitAfterDemo, postgresPort);
        }
    }

    static final String USAGE = """
            usage: waypoint [--no-demo] [--exit-after-demo] [--postgres-port=N]
              (no flags)          start Kafka, PostgreSQL and the three services, run the demo patient, stay up
              --no-demo           start the stack only
              --exit-after-demo   stop everything once the demo is done (exit code 1 if it failed)
              --postgres-port=N   PostgreSQL port (default 54329)""";

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "local-stack-log4j2.properties");
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, repoRoot()));
    }

    static int run(Options options, Path repoRoot) {
        long started = System.nanoTime();
        Path stateDirectory = repoRoot.resolve(".local-stack");
        out("Waypoint local stack in " + repoRoot);

        PidFiles pidFiles = new PidFiles(stateDirectory.resolve("pids"));
        List<String> stopped = pidFiles.stopLeftovers(LocalStack.OWN_COMMANDS, Duration.ofSeconds(20));
        if (!stopped.isEmpty()) {
            out(String.format("Stopped what an earlier run left running: %s (%.1f s)", String.join(", ", stopped),
                    seconds(started)));
        }
        KafkaBrokerProcess.deleteRecursively(stateDirectory.resolve("kafka"));
        KafkaBrokerProcess.deleteRecursively(stateDirectory.resolve("postgres"));

        LocalStack stack;
        try {
            stack = LocalStack.builder(repoRoot)
                    .postgresPort(options.postgresPort())
                    .classDataSharing(true)
                    .reporter(LocalStackMain::out)
                    .start();
        } catch (RuntimeException e) {
            err("The stack did not start: " + e.getMessage());
            return 1;
        }
        Thread shutdown = new Thread(() -> {
            out("Stopping services, then Kafka, then PostgreSQL ...");
            stack.close();
            out("Stopped.");
        }, "waypoint-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        out(String.format("Stack up in %.1f s", seconds(started)));

        int exitCode = 0;
        try {
            printRoster(stack);
            if (options.demo()) {
                runDemo(stack);
            }
        } catch (RuntimeException e) {
            exitCode = 1;
            err((options.demo() ? "The demo failed: " : "The clinic check failed: ") + e.getMessage());
            err("Service logs: " + repoRoot.relativize(stack.logsDirectory()));
        }
        printWhereToLook(stack, repoRoot);
        out(String.format("Total %.1f s", seconds(started)));

        if (options.exitAfterDemo()) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            shutdown.run();
            return exitCode;
        }
        out("Running. Ctrl-C stops everything.");
        awaitShutdown();
        return exitCode;
    }

    private static void printRoster(LocalStack stack) {
        ApiClient scheduling = new ApiClient(ServiceSpec.SCHEDULING, stack.baseUri(ServiceSpec.SCHEDULING),
                HttpClient.newHttpClient(), Duration.ofSeconds(30));
        List<Therapist> therapists = scheduling.getList("/api/v1/therapists", Therapist.class);
        int rooms = scheduling.get("/api/v1/rooms").size();
        if (therapists.isEmpty()) {
            throw new IllegalStateException("scheduling-service has no therapists: its clinic seed (waypoint.clinic.*) is empty");
        }
        out("Demo clinic: " + therapists.size() + " therapists (" + String.join(", ",
                therapists.stream().map(t -> t.displayName() + (t.leadQualified() ? " [lead]" : "")).toList())
                + "), " + rooms + " rooms");
    }

    private static void runDemo(LocalStack stack) {
        out("Demo patient:");
        DemoJourney.Endpoints endpoints = new DemoJourney.Endpoints(stack.baseUri(ServiceSpec.INTAKE),
                stack.baseUri(ServiceSpec.SCHEDULING), stack.baseUri(ServiceSpec.FOLLOWUP));
        DemoJourney.Result result = new DemoJourney(endpoints, DemoPlan.load(), Clock.systemUTC(),
                DEMO_ASYNC_TIMEOUT, LocalStackMain::out).run();
        Printouts printouts = new Printouts(stack.baseUri(ServiceSpec.FOLLOWUP), LocalStackMain::out);
        out("");
        printouts.printAppointments(result.appointments());
        out("");
        printouts.printTimeline(result.journeyId());
        out("");
        printouts.printInbox(result.careTeam().leadTherapistId());
        out("");
        out("Demo durations:");
        for (Map.Entry<String, Duration> entry : result.durations().entrySet()) {
            out(String.format("  %-32s %6.1f s", entry.getKey(), entry.getValue().toMillis() / 1000.0));
        }
        out("Journey " + result.journeyId() + " ended in stage " + result.finalStage());
    }

    private static void printWhereToLook(LocalStack stack, Path repoRoot) {
        out("");
        out("Where to look:");
        for (ServiceSpec service : stack.services()) {
            URI base = stack.baseUri(service.name());
            out(String.format("  %-18s %s   swagger %s/swagger-ui.html   metrics %s/actuator/prometheus",
                    service.name(), base, base, base));
        }
        out("  Kafka bootstrap    " + stack.kafkaBootstrapServers());
        out("  PostgreSQL         jdbc:postgresql://localhost:" + stack.postgres().port()
                + "/{intake,scheduling,followup}  user " + PostgresServer.USER);
        out("  Logs               " + repoRoot.relativize(stack.logsDirectory()) + "/");
        out("  Events (kcat)      kcat -b " + stack.kafkaBootstrapServers()
                + " -C -t waypoint.scheduling.v1 -o beginning -e -f '%k %h\\n'   (values are Avro, binary)");
    }

    private static void awaitShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The repository root: {@code -Dwaypoint.home}, else the first parent of this jar (or of the working directory)
     * holding {@code mvnw} and {@code deploy/local-stack}.
     */
    static Path repoRoot() {
        String home = System.getProperty("waypoint.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        try {
            Path codeSource = Path.of(LocalStackMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path fromJar = findRoot(codeSource);
            if (fromJar != null) {
                return fromJar;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall back to the working directory
        }
        Path fromWorkingDirectory = findRoot(Path.of("").toAbsolutePath());
        if (fromWorkingDirectory == null) {
            throw new IllegalStateException("cannot find the Waypoint repository: run from it or set -Dwaypoint.home");
        }
        return fromWorkingDirectory;
    }

    static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy/local-stack"))) {
                return dir;
            }
        }
        return null;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void out(String line) {
        System.out.println(line);
    }

    private static void err(String line) {
        System.err.println(line);
    }
}
