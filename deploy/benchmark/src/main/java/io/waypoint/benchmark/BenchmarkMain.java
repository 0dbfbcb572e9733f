package io.waypoint.benchmark;

import io.waypoint.localstack.JavaRuntime;
import io.waypoint.localstack.ServiceSpec;
import io.waypoint.localstack.demo.ApiClient;
import io.waypoint.schemas.Topic;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the benchmark: starts a broker, a durable PostgreSQL and the three services on localhost, measures L1 (front-desk
 * ingestion), L2 (whole journeys over REST), the baseline relay, L3 (projection rebuild) and L4 (scale-out on a fresh
 * broker), prints the figures and, with {@code --record}, appends them to BENCHMARKS.md. Stops everything it started,
 * also on Ctrl-C.
 */
public final class BenchmarkMain {

    static final List<String> SERVICES = List.of(ServiceSpec.INTAKE, ServiceSpec.SCHEDULING, ServiceSpec.FOLLOWUP);
    static final Map<String, String> DATABASES = Map.of(ServiceSpec.INTAKE, "intake",
            ServiceSpec.SCHEDULING, "scheduling", ServiceSpec.FOLLOWUP, "followup");
    static final int JIT_WARMUP_RATE = 500;
    static final Predicate<String> WAYPOINT_TOPICS = name -> name.startsWith("waypoint.");
    static final Predicate<String> BASELINE_TOPICS = BaselineRelay.TOPICS::contains;

    private final Options options;
    private final Consumer<String> out = line -> {
        System.out.println(line);
        System.out.flush();
    };
    private final ProcessStats stats = new ProcessStats();
    private final Report report = new Report();
    private final AtomicInteger jitWarmups = new AtomicInteger();
    private final Report.Resources resources = new Report.Resources();
    private final Stack stack;
    private final String runTag = UUID.randomUUID().toString().substring(0, 8);
    private volatile BaselineRelay baseline;
    private volatile KafkaTools kafka;

    private LoadDriver.Result l1AtBaselineRate;
    private LoadDriver.Result l1Max;
    private Journeys.Result l2;
    private LoadDriver.Result baselineMax;
    private LoadDriver.Result baselineAtRate;

    private BenchmarkMain(Options options) {
        this.options = options;
        this.stack = new Stack(options, out, stats);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageRequested e) {
            System.out.print(Options.USAGE);
            return;
        } catch (RuntimeException e) {
            System.err.println("benchmark: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "benchmark-log4j2.properties");
        }
        System.setProperty("benchmark.log", options.stateDirectory().resolve("benchmark.log").toString());
        BenchmarkMain benchmark = new BenchmarkMain(options);
        Thread hook = new Thread(benchmark::shutdown, "benchmark-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = 0;
        try {
            benchmark.run();
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            exit = 1;
        } finally {
            benchmark.shutdown();
        }
        System.exit(exit);
    }

    private void requireInputs() {
        for (String service : SERVICES) {
            Path jar = options.jar(service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(service + " has no runnable jar at " + jar
                        + " (build it, or name a directory with --service-jars)");
            }
        }
        if (!Files.isDirectory(options.kafkaLibs())) {
            throw new IllegalStateException("the broker's jars are missing: " + options.kafkaLibs()
                    + " (build deploy/local-stack, or pass --kafka-libs)");
        }
    }

    private void run() throws Exception {
        requireInputs();
        Files.createDirectories(options.stateDirectory());
        stack.stopLeftovers();
        DurablePostgres.deleteRecursively(stack.logs());
        stats.watch("benchmark", () -> Optional.of(ProcessHandle.current().pid()), false);
        long started = System.nanoTime();

        out.accept("Waypoint benchmark, run " + runTag + ": warm-up " + options.warmup().toSeconds() + " s, windows "
                + options.window().toSeconds() + " s, phases " + options.phases());
        DurablePostgres postgres = stack.startPostgres();
        String fsync = postgres.show("fsync");
        String synchronousCommit = postgres.show("synchronous_commit");
        out.accept("SHOW fsync; -> " + fsync + "   SHOW synchronous_commit; -> " + synchronousCommit);
        if (!"on".equals(fsync) || !"on".equals(synchronousCommit)) {
            throw new IllegalStateException("PostgreSQL does not commit durably (fsync=" + fsync
                    + ", synchronous_commit=" + synchronousCommit + ")");
        }
        report.heading("Setup");
        report.bullet("PostgreSQL (embedded, one server for all databases): `SHOW fsync` = " + fsync
                + ", `SHOW synchronous_commit` = " + synchronousCommit);
        report.bullet("Kafka: one KRaft broker (broker and controller in one JVM, 512 MB heap); topics with "
                + options.partitions() + " partitions (L4: " + options.scalePartitions() + ")");
        report.bullet("services: one instance each (L4: one, then two), JVM flags `"
                + String.join(" ", options.serviceJvmOptions()) + "`, jars from "
                + (options.serviceJars() != null ? "`" + options.serviceJars() + "`" : "this build"));
        report.bullet("once after the services start (and after L4's): " + options.jitWarmup().toSeconds()
                + " s of front-desk load at " + JIT_WARMUP_RATE + "/s, not measured (JIT warm-up)");
        report.bullet("warm-up " + options.warmup().toSeconds() + " s, then a " + options.window().toSeconds()
                + " s window; CPU is % of one core over the window; RSS (VmRSS) at its end; PostgreSQL's RSS sums "
                + "its processes (shared buffers counted in each)");
        report.bullet("lost = sent, not received before the drain ended; duplicated = one referral answered by two "
                + "different events; redelivered = the same event received again (at-least-once delivery)");
        report.paragraph("");

        if (options.runs("l1") || options.runs("l2") || options.runs("baseline") || options.runs("l3")) {
            startMainStack(postgres);
            if (options.runs("l1")) {
                l1();
            }
            if (options.runs("l2")) {
                l2();
            }
            if (options.runs("baseline")) {
                baseline(postgres);
            }
            ratios();
            if (options.runs("l3")) {
                l3();
            }
        }
        if (options.runs("l4")) {
            l4();
        }
        if (!resources.isEmpty()) {
            report.heading("CPU and memory per window");
            resources.writeTo(report);
            report.paragraph("The benchmark column is this program's JVM: load drivers, the receivers that match"
                    + " records, and during the baseline its three relay hops.");
        }
        out.accept(String.format("%nAll phases done in %.0f s.%n", (System.nanoTime() - started) / 1e9));
        out.accept(report.markdown());
        if (options.record()) {
            record();
        }
        finished = true;
    }

    // ---- the stack ------------------------------------------------------------------------------------------------

    private void startMainStack(DurablePostgres postgres) {
        DATABASES.values().forEach(postgres::createDatabase);
        String bootstrap = stack.startBroker("kafka", options.partitions());
        kafka = new KafkaTools(bootstrap);
        List<Stack.Instance> starting = new ArrayList<>();
        for (String service : SERVICES) {
            starting.add(stack.launch(service, service, DATABASES.get(service), Map.of(), List.of()));
        }
        stack.awaitHealthy(starting);
        awaitTopicsAndGroups(1);
        jitWarmup();
    }

    /**
     * Front-desk load, not measured, right after the services start: the JIT compilers work through the hot paths
     * in the first minute (C2, with the throughput flags, for longer), and on two cores that competes with a window.
     */
    private void jitWarmup() {
        if (options.jitWarmup().isZero()) {
            return;
        }
        // a prefix of its own per warm-up: a referral id seen before is a duplicate, which intake answers with nothing
        LoadDriver driver = new LoadDriver(kafka, new ReferralFlow(), stats, out, WAYPOINT_TOPICS,
                "jit" + jitWarmups.incrementAndGet() + "-" + runTag);
        driver.fixedRate("JIT warm-up (not a result)", JIT_WARMUP_RATE, Duration.ZERO, options.jitWarmup(),
                options.drainTimeout(), options.stallTimeout());
        settle();
    }

    private void awaitTopicsAndGroups(int members) {
        Set<String> expected = Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.toSet());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!kafka.topics(WAYPOINT_TOPICS).containsAll(expected)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the catalogue's topics were not created: " + expected);
            }
            KafkaTools.sleep(250);
        }
        kafka.awaitStable(SERVICES, members, Duration.ofSeconds(120));
        int partitions = kafka.describe(List.of(Topic.FRONTDESK.topicName())).get(Topic.FRONTDESK.topicName())
                .partitions().size();
        out.accept("Topics ready (" + Topic.FRONTDESK.topicName() + ": " + partitions + " partitions); groups "
                + SERVICES + " stable with " + members + " member(s) each");
    }

    // ---- L1 -------------------------------------------------------------------------------------------------------

    private void l1() {
        LoadDriver driver = new LoadDriver(kafka, new ReferralFlow(), stats, out, WAYPOINT_TOPICS, "l1-" + runTag);
        List<LoadDriver.Result> results = new ArrayList<>();
        Map<String, String> lags = new LinkedHashMap<>();
        for (int rate : options.rates()) {
            LoadDriver.Result result = driver.fixedRate("L1 " + rate + "/s", rate, options.warmup(), options.window(),
                    options.drainTimeout(), options.stallTimeout());
            results.add(result);
            lags.put(result.label(), lagsAtEnd());
            if (rate == options.baselineRate()) {
                l1AtBaselineRate = result;
            }
            settle();
        }
        l1Max = driver.closedLoop("L1 max", options.inFlight(), options.warmup(), options.window(),
                options.drainTimeout(), options.stallTimeout());
        results.add(l1Max);
        lags.put(l1Max.label(), lagsAtEnd());
        settle();

        report.heading("L1 front-desk ingestion (ReferralReceived on waypoint.frontdesk.v1 to PatientReferred on "
                + "waypoint.intake.v1)");
        List<List<String>> rows = new ArrayList<>();
        for (LoadDriver.Result r : results) {
            rows.add(List.of(r.label(), r.mode(), String.format("%.0f", r.receivedPerSecond()),
                    Latency.ms(r.latency().percentileMillis(50)), Latency.ms(r.latency().percentileMillis(95)),
                    Latency.ms(r.latency().percentileMillis(99)), Latency.ms(r.latency().maxMillis()),
                    Long.toString(r.sent()), Long.toString(r.lost()), Long.toString(r.duplicated()),
                    Long.toString(r.redeliveries()), String.format("%.0f", r.allTopicRecordsPerSecond()),
                    lags.get(r.label())));
            resources.add(r.label(), r.usage());
        }
        report.table(List.of("run", "load", "received/s", "p50", "p95", "p99", "max", "sent", "lost", "duplicated",
                "redelivered", "events/s all topics", "committed lag at end (intake / scheduling / followup)"), rows);
        report.paragraph("Latency: from the record's scheduled send time (fixed rates) or its send (closed loop) to "
                + "the arrival of its PatientReferred at a consumer of waypoint.intake.v1, for records sent in the "
                + "window. A fixed rate above what intake-service sustains builds a backlog (received/s below the "
                + "rate): its latency is then mostly time spent waiting in that backlog. Lag: end offsets minus the "
                + "groups' committed offsets once the run's records had arrived.");
    }

    private String lagsAtEnd() {
        List<String> parts = new ArrayList<>();
        for (String group : SERVICES) {
            KafkaTools.GroupLag lag = kafka.lag(group);
            parts.add(Long.toString(lag.lag()));
        }
        String text = String.join(" / ", parts);
        out.accept("  committed lag at end (intake / scheduling / followup): " + text);
        return text;
    }

    /** Lets every group catch up before the next run (bounded), so runs do not overlap. */
    private void settle() {
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            long total = SERVICES.stream().mapToLong(g -> kafka.lag(g).lag()).sum();
            if (total == 0) {
                return;
            }
            KafkaTools.sleep(500);
        }
        out.accept("  (the groups had not caught up before the next run)");
    }

    // ---- L2 -------------------------------------------------------------------------------------------------------

    private void l2() {
        Stack.Instance scheduling = stack.first(ServiceSpec.SCHEDULING);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ApiClient admin = new ApiClient(ServiceSpec.SCHEDULING, scheduling.baseUri(), http, Duration.ofSeconds(30));
        Journeys.addRoster(admin, options.therapists(), options.rooms());
        out.accept("Roster: added " + options.therapists() + " lead therapists, " + options.therapists()
                + " co-therapists, " + options.rooms() + " dosing suites and " + options.rooms()
                + " therapy rooms (POST /api/v1/therapists, /api/v1/rooms)");
        settle();
        Journeys journeys = new Journeys(kafka, stats, out, WAYPOINT_TOPICS, stack.first(ServiceSpec.INTAKE).baseUri(),
                scheduling.baseUri(), "l2-" + runTag);
        l2 = journeys.run(options.l2Patients(), options.l2Dosing(), options.warmup(), options.window(),
                options.asyncTimeout(), options.drainTimeout());
        String lags = lagsAtEnd();
        settle();
        resources.add("L2 journeys", l2.usage());

        report.heading("L2 whole journeys over REST (" + options.l2Patients() + " at once"
                + (options.l2Dosing() ? ", each to the completion of dosing session 1" : "") + ")");
        List<String> header = new ArrayList<>(List.of("journeys/s", "events/s all topics",
                "enrollment → first notification p50 / p99", "enrollment → first booking p50 / p99"));
        List<String> row = new ArrayList<>(List.of(String.format("%.2f", l2.journeysPerSecond()),
                String.format("%.0f", l2.allTopicRecordsPerSecond()), pair(l2.enrollmentToNotification()),
                pair(l2.enrollmentToBookings())));
        if (options.l2Dosing()) {
            header.addAll(List.of("dosing completion → next bookings p50 / p99",
                    "dosing completion → DOSE_COMPLETED notification p50 / p99"));
            row.addAll(List.of(pair(l2.dosingToBookings()), pair(l2.dosingToNotification())));
        }
        header.addAll(List.of("REST call p50 / p99", "journeys started / completed / failed",
                "committed lag at end (intake / scheduling / followup)"));
        row.addAll(List.of(pair(l2.restCommands()), l2.started() + " / " + l2.completed() + " / " + l2.failed(),
                lags));
        report.table(header, List.of(row));
        report.paragraph("A journey counts when its last step ends in the window. Enrollment → notification: from "
                + "sending the enrollment command to the arrival of the first TherapistNotificationIssued "
                + "(CARE_TEAM_ASSIGNED) of the journey on waypoint.notifications.v1"
                + (options.l2Dosing() ? "; dosing completion → …: from sending the dosing-completion command to the "
                + "first SessionScheduled on waypoint.scheduling.v1 and the DOSE_COMPLETED notification" : "")
                + ". Events/s: records added to all waypoint.* topics in the window (end offsets)."
                + (l2.firstFailure() != null ? " First failure: " + l2.firstFailure() : ""));
    }

    private static String pair(Latency latency) {
        return Latency.ms(latency.percentileMillis(50)) + " / " + Latency.ms(latency.percentileMillis(99));
    }

    // ---- the baseline ---------------------------------------------------------------------------------------------

    private void baseline(DurablePostgres postgres) throws Exception {
        baseline = new BaselineRelay(kafka, postgres, out);
        baseline.start(options.partitions());
        LoadDriver driver = new LoadDriver(kafka, BaselineRelay.flow(), stats, out, BASELINE_TOPICS, "base-" + runTag);
        baselineMax = driver.closedLoop("baseline max", options.inFlight(), options.warmup(), options.window(),
                options.drainTimeout(), options.stallTimeout());
        baselineAtRate = driver.fixedRate("baseline " + options.baselineRate() + "/s", options.baselineRate(),
                options.warmup(), options.window(), options.drainTimeout(), options.stallTimeout());
        List<String> lags = new ArrayList<>();
        for (String group : BaselineRelay.GROUPS) {
            lags.add(Long.toString(kafka.lag(group).lag()));
        }
        baseline.close();
        baseline = null;
        resources.add(baselineMax.label(), baselineMax.usage());
        resources.add(baselineAtRate.label(), baselineAtRate.usage());

        report.heading("Baseline: plain kafka-clients relay A → B → C → D, one durable PostgreSQL insert per record "
                + "per hop");
        List<List<String>> rows = new ArrayList<>();
        for (LoadDriver.Result r : List.of(baselineMax, baselineAtRate)) {
            rows.add(List.of(r.label(), r.mode(), String.format("%.0f", r.receivedPerSecond()),
                    Latency.ms(r.latency().percentileMillis(50)), Latency.ms(r.latency().percentileMillis(95)),
                    Latency.ms(r.latency().percentileMillis(99)), Latency.ms(r.latency().maxMillis()),
                    Long.toString(r.sent()), Long.toString(r.lost()), Long.toString(r.duplicated()),
                    Long.toString(r.redeliveries()), String.format("%.0f", r.allTopicRecordsPerSecond())));
        }
        report.table(List.of("run", "load", "records/s through 3 hops", "p50", "p95", "p99", "max", "sent", "lost",
                "duplicated", "redelivered", "records/s on its 4 topics"), rows);
        report.paragraph("Each hop is one thread of this program: poll, then per record an autocommitted insert into "
                + "its table (database `baseline`, same PostgreSQL) and a send to the next topic; flush, commit the "
                + "offsets. Same broker, partitions and producer settings as the services. Committed lag of the hops "
                + "at the end: " + String.join(" / ", lags) + ".");
    }

    private void ratios() {
        if (baselineMax == null || (l1Max == null && l2 == null)) {
            return;
        }
        report.heading("Waypoint ÷ baseline (same run, same broker and PostgreSQL)");
        List<List<String>> rows = new ArrayList<>();
        double baselineRecords = baselineMax.receivedPerSecond();
        double baselineEvents = baselineMax.allTopicRecordsPerSecond();
        if (l1Max != null) {
            rows.add(List.of("L1 max referrals/s ÷ baseline max records/s (through 3 hops)",
                    ratio(l1Max.receivedPerSecond(), baselineRecords)));
            rows.add(List.of("L1 max events/s on all topics ÷ baseline max records/s on its 4 topics",
                    ratio(l1Max.allTopicRecordsPerSecond(), baselineEvents)));
        }
        if (l2 != null) {
            rows.add(List.of("L2 events/s on all topics ÷ baseline max records/s on its 4 topics",
                    ratio(l2.allTopicRecordsPerSecond(), baselineEvents)));
        }
        if (l1AtBaselineRate != null && baselineAtRate != null) {
            String kept = l1AtBaselineRate.receivedPerSecond() < 0.95 * options.baselineRate()
                    ? String.format(" (L1 did not sustain %d/s: %.0f/s received, its p99 is backlog)",
                    options.baselineRate(), l1AtBaselineRate.receivedPerSecond()) : "";
            rows.add(List.of("L1 p99 at " + options.baselineRate() + "/s ÷ baseline p99 at " + options.baselineRate()
                    + "/s", ratio(l1AtBaselineRate.latency().percentileMillis(99),
                    baselineAtRate.latency().percentileMillis(99)) + kept));
        } else if (l1Max != null) {
            rows.add(List.of("L1 p99 at " + options.baselineRate() + "/s ÷ baseline p99", "n/a (--rates has no "
                    + options.baselineRate() + ")"));
        }
        report.table(List.of("ratio", "value"), rows);
    }

    private static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "n/a";
        }
        return String.format("%.2f", a / b);
    }

    // ---- L3 -------------------------------------------------------------------------------------------------------

    private void l3() throws Exception {
        Rebuild rebuild = new Rebuild(stack, kafka, stats, out);
        Rebuild.Result r = rebuild.run(1, options.jar(ServiceSpec.FOLLOWUP), options.rebuildTimeout());
        resources.add("L3 rebuild", r.usage());
        report.heading("L3 projection rebuild (a second followup-service, empty database, reading the log from the "
                + "beginning)");
        report.table(List.of("mode", "group", "records to read", "caught up",
                        "seconds from UP to lag 0 (or to the timeout)", "records/s read", "seconds from launch",
                        "timeline rows rebuilt / live", "outbox rows kept", "records it published"),
                List.of(List.of(r.mode(), r.group(), Long.toString(r.records()),
                        r.caughtUp() ? "yes" : "no (lag " + r.lagAtEnd() + ")",
                        String.format("%.1f", r.secondsFromUp()), String.format("%.0f", r.recordsPerSecond()),
                        String.format("%.1f", r.secondsFromLaunch()), r.timelineRows() + " / " + r.liveTimelineRows(),
                        Long.toString(r.outboxRows()), Long.toString(r.publishedByRebuild()))));
        r.notes().forEach(report::bullet);
        report.paragraph("");
    }

    // ---- L4 -------------------------------------------------------------------------------------------------------

    private void l4() {
        out.accept("L4 scale-out: a fresh broker with " + options.scalePartitions() + " partitions per topic");
        stack.stopServices();
        stack.stopBroker();
        if (kafka != null) {
            kafka.close();
        }
        DurablePostgres postgres = stack.postgres();
        Map<String, String> databases = new LinkedHashMap<>();
        for (String service : SERVICES) {
            databases.put(service, DATABASES.get(service) + "_l4");
            postgres.createDatabase(databases.get(service));
        }
        String bootstrap = stack.startBroker("kafka-l4", options.scalePartitions());
        kafka = new KafkaTools(bootstrap);
        List<Stack.Instance> first = new ArrayList<>();
        for (String service : SERVICES) {
            first.add(stack.launch(service, service, databases.get(service), Map.of(), List.of()));
        }
        stack.awaitHealthy(first);
        awaitTopicsAndGroups(1);
        jitWarmup();
        LoadDriver driver = new LoadDriver(kafka, new ReferralFlow(), stats, out, WAYPOINT_TOPICS, "l4-" + runTag);
        LoadDriver.Result one = driver.closedLoop("L4 1 instance each", options.inFlight(), options.warmup(),
                options.window(), options.drainTimeout(), options.stallTimeout());
        String lagOne = lagsAtEnd();
        settle();
        List<Stack.Instance> second = new ArrayList<>();
        for (String service : SERVICES) {
            second.add(stack.launch(service, service + "-2", databases.get(service), Map.of(), List.of()));
        }
        stack.awaitHealthy(second);
        awaitTopicsAndGroups(2);
        jitWarmup();
        LoadDriver.Result two = driver.closedLoop("L4 2 instances each", options.inFlight(), options.warmup(),
                options.window(), options.drainTimeout(), options.stallTimeout());
        String lagTwo = lagsAtEnd();
        resources.add(one.label(), one.usage());
        resources.add(two.label(), two.usage());

        report.heading("L4 scale-out (L1 closed loop, " + options.scalePartitions() + " partitions, fresh broker and "
                + "databases)");
        List<List<String>> rows = new ArrayList<>();
        for (var entry : List.of(Map.entry(one, lagOne), Map.entry(two, lagTwo))) {
            LoadDriver.Result r = entry.getKey();
            rows.add(List.of(r.label(), String.format("%.0f", r.receivedPerSecond()),
                    Latency.ms(r.latency().percentileMillis(50)), Latency.ms(r.latency().percentileMillis(99)),
                    Latency.ms(r.latency().maxMillis()), Long.toString(r.lost()), Long.toString(r.duplicated()),
                    Long.toString(r.redeliveries()), entry.getValue()));
        }
        report.table(List.of("run", "received/s", "p50", "p99", "max", "lost", "duplicated", "redelivered",
                "committed lag at end (intake / scheduling / followup)"), rows);
        report.paragraph("Two instances each ÷ one instance each: **" + ratio(two.receivedPerSecond(),
                one.receivedPerSecond()) + "** (received/s). Both instances of a service share its database; on "
                + Runtime.getRuntime().availableProcessors() + " cores the processes compete for the same CPUs.");
    }

    // ---- recording --------------------------------------------------------------------------------------------

    private void record() throws IOException {
        Path benchmarks = options.repo().resolve("BENCHMARKS.md");
        List<String> preamble = List.of(
                "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), " + memory()
                        + " memory, " + javaVersion() + ".",
                "",
                "Command: `" + options.command() + "`"
                        + (options.smoke() ? " (a smoke run: short windows, its figures are not results)" : ""));
        report.appendTo(benchmarks, "Throughput and latency benchmark (" + LocalDate.now() + ")", preamble);
        out.accept("Appended the results to " + benchmarks);
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return "unknown";
    }

    private static String javaVersion() {
        try {
            Process java = new ProcessBuilder(JavaRuntime.executable(), "-version").redirectErrorStream(true).start();
            String text = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            java.waitFor();
            return "`java -version`: " + text.lines().map(String::strip).collect(Collectors.joining("; "));
        } catch (IOException | InterruptedException e) {
            return "java " + System.getProperty("java.version");
        }
    }

    // ---- shutdown ---------------------------------------------------------------------------------------------

    private final Object shutdownLock = new Object();
    private boolean shutDown;
    private volatile boolean finished;

    /** Stops the baseline's hops, the services, the broker and PostgreSQL; safe to call twice (main and hook). */
    private void shutdown() {
        synchronized (shutdownLock) {
            if (shutDown) {
                return;
            }
            shutDown = true;
        }
        if (!finished) {
            System.out.println("Stopping what the benchmark started (services, broker, PostgreSQL) ...");
        }
        BaselineRelay relay = baseline;
        if (relay != null) {
            try {
                relay.close();
            } catch (RuntimeException e) {
                System.err.println("stopping the baseline relay: " + e);
            }
        }
        try {
            stack.close();
        } catch (RuntimeException e) {
            System.err.println("stopping the stack: " + e);
        }
        KafkaTools tools = kafka;
        if (tools != null) {
            try {
                tools.close();
            } catch (RuntimeException e) {
                // the broker is gone already
            }
        }
    }
}
