package io.waypoint.benchmark;

import io.waypoint.localstack.ServiceSpec;
import io.waypoint.schemas.Topic;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * L3: how fast followup-service's projection (its timeline and journey state) is rebuilt from the log. A second
 * followup-service process with a fresh, empty database reads every topic it consumes from the beginning, under a
 * consumer group of its own ({@code SPRING_CLOUD_STREAM_DEFAULT_GROUP=followup-rebuild-<n>}, and the same group on
 * each input binding whose application.yml names a group, since that wins over the default), until its committed
 * lag is 0. There is no switch that turns the outbox relay off, so this process's producer points at a closed port:
 * what it would publish stays in its own outbox table, and the topics it writes are checked to be unchanged.
 *
 * <p>A followup-service whose consumer group is fixed in code (no Spring Cloud Stream binder in its jar) cannot
 * take a group of its own: then the running followup-service is stopped, its group's offsets are reset to the
 * beginning, and the fresh process rebuilds under that group ("in place").
 */
final class Rebuild {

    static final String LIVE_GROUP = ServiceSpec.FOLLOWUP;
    static final int REBUILD_MAX_POLL_RECORDS = 1000;

    record Result(String mode, String group, long records, double secondsFromUp, double secondsFromLaunch,
                  boolean caughtUp, long lagAtEnd, long timelineRows, long liveTimelineRows, long outboxRows,
                  long publishedByRebuild, List<String> notes, List<ProcessStats.Usage> usage) {

        /** Records read per second after UP: all of them when caught up, else those read before the timeout. */
        double recordsPerSecond() {
            return secondsFromUp > 0 ? (records - lagAtEnd) / secondsFromUp : Double.NaN;
        }
    }

    private final Stack stack;
    private final KafkaTools kafka;
    private final ProcessStats stats;
    private final Consumer<String> out;

    Rebuild(Stack stack, KafkaTools kafka, ProcessStats stats, Consumer<String> out) {
        this.stack = stack;
        this.kafka = kafka;
        this.stats = stats;
        this.out = out;
    }

    /** Whether followup-service's jar has the Spring Cloud Stream binder (a consumer group set by configuration). */
    static boolean groupIsConfigurable(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/lib/spring-cloud-stream-"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Input bindings whose application.yml names a group of their own ({@code spring.cloud.stream.bindings.<name>
     * .group}): that group wins over {@code spring.cloud.stream.default.group}. Binding name to the group it names.
     */
    static Map<String, String> bindingGroups(Path jar) {
        Map<String, String> groups = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("BOOT-INF/classes/application.yml");
            if (entry == null) {
                return groups;
            }
            String yaml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            Pattern binding = Pattern.compile("^(\\s+)([A-Za-z0-9_.-]+-in-\\d+):\\s*$");
            Pattern group = Pattern.compile("^(\\s+)group:\\s*([^\\s#]+)");
            String current = null;
            int indent = -1;
            for (String line : yaml.lines().toList()) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                Matcher b = binding.matcher(line);
                if (b.matches()) {
                    current = b.group(2);
                    indent = b.group(1).length();
                    continue;
                }
                int lineIndent = line.length() - line.stripLeading().length();
                if (current != null && lineIndent <= indent) {
                    current = null;
                }
                Matcher g = group.matcher(line);
                if (current != null && g.find()) {
                    groups.put(current, g.group(2));
                }
            }
        } catch (IOException e) {
            // unreadable: nothing known
        }
        return groups;
    }

    Result run(int n, Path jar, Duration timeout) throws SQLException {
        List<String> notes = new ArrayList<>();
        boolean ownGroup = groupIsConfigurable(jar);
        String group = ownGroup ? "followup-rebuild-" + n : LIVE_GROUP;
        String database = "followup_rebuild_" + n;
        List<String> topics = Arrays.stream(Topic.values()).filter(t -> !t.identifying()).map(Topic::topicName)
                .toList();
        List<TopicPartition> partitions = new ArrayList<>();
        kafka.describe(topics).forEach((name, description) -> description.partitions()
                .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        long ownTopicsBefore = kafka.totalRecords(t -> t.equals(Topic.FOLLOWUP.topicName())
                || t.equals(Topic.NOTIFICATIONS.topicName()));

        if (!ownGroup) {
            String message = "L3 needs followup-service to read its consumer group from "
                    + "spring.cloud.stream.default.group (this jar has no Spring Cloud Stream binder and a fixed "
                    + "group): rebuilt in place instead, the running followup-service stopped and its group reset";
            notes.add(message);
            out.accept("L3: " + message);
            stack.stop(stack.first(ServiceSpec.FOLLOWUP));
            awaitEmpty(LIVE_GROUP, Duration.ofSeconds(90));
            Map<TopicPartition, Long> earliest = kafka.offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
            earliest.forEach((p, offset) -> reset.put(p, new OffsetAndMetadata(offset)));
            KafkaTools.get(kafka.admin().alterConsumerGroupOffsets(LIVE_GROUP, reset).all());
        }
        Map<TopicPartition, Long> ends = kafka.offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = kafka.offsets(partitions, OffsetSpec.earliest());
        long records = 0;
        for (TopicPartition p : partitions) {
            records += ends.get(p) - starts.get(p);
        }
        out.accept(String.format("L3 projection rebuild: a fresh followup-service (database %s, group %s) reads "
                + "%d records on %s", database, group, records, topics));

        stack.postgres().createDatabase(database);
        Map<String, String> environment = new HashMap<>();
        // how an operator rebuilds: one consumer thread per partition, bigger polls (one transaction each)
        int threads = partitions.stream().mapToInt(TopicPartition::partition).max().orElse(0) + 1;
        environment.put("WAYPOINT_CONSUMER_CONCURRENCY", Integer.toString(threads));
        environment.put("WAYPOINT_CONSUMER_MAX_POLL_RECORDS", Integer.toString(REBUILD_MAX_POLL_RECORDS));
        notes.add("the rebuilding process ran with " + threads + " consumer threads (WAYPOINT_CONSUMER_CONCURRENCY, one "
                + "per partition) and polls of up to " + REBUILD_MAX_POLL_RECORDS
                + " records (WAYPOINT_CONSUMER_MAX_POLL_RECORDS), each applied in one transaction");
        List<String> jvm = new ArrayList<>(List.of(
                // a rebuild re-derives the projection; it must not publish its events a second time
                "-Dwaypoint.outbox.relay.enabled=false"));
        if (ownGroup) {
            environment.put("SPRING_CLOUD_STREAM_DEFAULT_GROUP", group);
            Map<String, String> fixed = bindingGroups(jar);
            fixed.forEach((binding, named) -> {
                if (!named.contains("spring.cloud.stream.default.group")) {
                    jvm.add("-Dspring.cloud.stream.bindings." + binding + ".group=" + group);
                }
            });
            List<String> overridden = fixed.entrySet().stream()
                    .filter(e -> !e.getValue().contains("spring.cloud.stream.default.group"))
                    .map(e -> e.getKey() + " (group: " + e.getValue() + ")").toList();
            if (!overridden.isEmpty()) {
                String message = "L3 needs followup-service to take its group from spring.cloud.stream.default.group, "
                        + "but its application.yml names one on the binding " + String.join(", ", overridden)
                        + ", which wins over SPRING_CLOUD_STREAM_DEFAULT_GROUP: the rebuild set "
                        + "spring.cloud.stream.bindings.<binding>.group=" + group + " as well";
                notes.add(message);
                out.accept("L3: " + message);
            }
        }
        notes.add("the rebuilding process ran with waypoint.outbox.relay.enabled=false: the events it derived stayed "
                + "in its own outbox table, none was published a second time");
        long launched = System.nanoTime();
        Stack.Instance rebuild = stack.launch(ServiceSpec.FOLLOWUP, "followup-rebuild-" + n, database, environment,
                jvm);
        ProcessStats.Snapshot atStart;
        ProcessStats.Snapshot atEnd;
        long up;
        long done = 0;
        long ended;
        long lag = records;
        try {
            stack.awaitHealthy(List.of(rebuild));
            up = System.nanoTime();
            atStart = stats.snapshot();
            long deadline = up + timeout.toNanos();
            boolean sawGroup = false;
            while (System.nanoTime() < deadline) {
                lag = lag(group, partitions, ends, starts);
                sawGroup |= lag < records;
                if (lag == 0) {
                    done = System.nanoTime();
                    break;
                }
                KafkaTools.sleep(200);
            }
            ended = System.nanoTime();
            atEnd = stats.snapshot();
            if (ownGroup && !sawGroup) {
                notes.add("group " + group + " committed nothing: the process did not take its group from "
                        + "SPRING_CLOUD_STREAM_DEFAULT_GROUP");
            }
        } finally {
            stack.stop(rebuild);
        }
        long ownTopicsAfter = kafka.totalRecords(t -> t.equals(Topic.FOLLOWUP.topicName())
                || t.equals(Topic.NOTIFICATIONS.topicName()));
        long timelineRows = count(database, "timeline_entry");
        long liveRows = count(stack.instances().stream().filter(i -> i.service().equals(ServiceSpec.FOLLOWUP))
                .findFirst().map(Stack.Instance::database).orElse("followup"), "timeline_entry");
        long outboxRows = count(database, "outbox");
        boolean caughtUp = done != 0;
        Result result = new Result(ownGroup ? "own group" : "in place", group, records,
                ((caughtUp ? done : ended) - up) / 1e9, ((caughtUp ? done : ended) - launched) / 1e9,
                caughtUp, lag, timelineRows, liveRows, outboxRows, ownTopicsAfter - ownTopicsBefore, notes,
                ProcessStats.between(atStart, atEnd));
        out.accept(String.format("  %s: %d records in %.1f s after UP (%.1f s after launch) = %.0f records/s; "
                        + "timeline rows %d (live %d), outbox rows kept %d, records published by it %d",
                caughtUp ? "caught up" : "NOT caught up (lag " + lag + ")", records, result.secondsFromUp(),
                result.secondsFromLaunch(), result.recordsPerSecond(), timelineRows, liveRows, outboxRows,
                result.publishedByRebuild()));
        return result;
    }

    /** Lag over the given partitions: a partition without a committed offset counts from its beginning. */
    private long lag(String group, List<TopicPartition> partitions, Map<TopicPartition, Long> ends,
                     Map<TopicPartition, Long> starts) {
        Map<TopicPartition, OffsetAndMetadata> committed = KafkaTools.get(kafka.admin()
                .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        long lag = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata offset = committed.get(p);
            long position = offset != null ? offset.offset() : starts.get(p);
            lag += Math.max(0, ends.get(p) - position);
        }
        return lag;
    }

    private void awaitEmpty(String group, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription description = kafka.describeGroup(group);
            if (description == null || description.members().isEmpty()) {
                return;
            }
            KafkaTools.sleep(500);
        }
        throw new IllegalStateException("group " + group + " still has members after " + timeout.toSeconds() + " s");
    }

    private long count(String database, String table) {
        try (Connection connection = stack.postgres().connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
