package io.waypoint.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The consumer lag operations need: per consumer group and topic, the records not yet COMMITTED by the group
 * (end offset minus committed offset, summed over partitions), as gauge {@code waypoint.consumer.lag}. The Kafka
 * client's own {@code records-lag} metric is the distance from the fetch position, which reads 0 while a whole
 * fetched batch still waits to be handled. Read from the broker every {@code waypoint.kafka.lag-interval} on a
 * thread of its own, so a slow broker never blocks a consumer or a request.
 */
public class ConsumerLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final Map<String, Object> adminConfig;
    private final List<String> groups;
    private final Duration interval;
    private final MultiGauge gauge;
    private ScheduledExecutorService scheduler;
    private Admin admin;

    public ConsumerLag(Map<String, Object> adminConfig, List<String> groups, Duration interval, MeterRegistry meters) {
        this.adminConfig = adminConfig;
        this.groups = List.copyOf(groups);
        this.interval = interval;
        this.gauge = MultiGauge.builder("waypoint.consumer.lag")
                .description("Records on the topic not yet committed by the consumer group").baseUnit("records")
                .register(meters);
    }

    /**
     * Lag per topic of one group: end offsets minus committed offsets. A partition assigned to the group that has
     * no commit yet counts from its earliest offset (the group's start offset), so the first records of a partition
     * are not missed.
     */
    Map<String, Long> lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                .get(10, TimeUnit.SECONDS).get(group);
        if (description != null) {
            description.members().forEach(member -> partitions.addAll(member.assignment().topicPartitions()));
        }
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicPartition partition : partitions) {
            latest.put(partition, OffsetSpec.latest());
            if (committed.get(partition) == null) {
                earliest.put(partition, OffsetSpec.earliest());
            }
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = earliest.isEmpty() ? Map.of()
                : admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> lag = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            long end = ends.containsKey(partition) ? ends.get(partition).offset() : 0L;
            OffsetAndMetadata offset = committed.get(partition);
            long position = offset != null ? offset.offset()
                    : starts.containsKey(partition) ? starts.get(partition).offset() : end;
            lag.merge(partition.topic(), Math.max(0L, end - position), Long::sum);
        }
        return lag;
    }

    private void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String group : groups) {
            try {
                Map<String, Long> lags = lagOf(group);
                log.trace("Committed lag of {}: {}", group, lags);
                lags.forEach((topic, lag) -> rows.add(MultiGauge.Row.of(
                        Tags.of("group", group, "topic", topic), lag)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.debug("Consumer lag of {} not read: {}", group, e.toString());
                return;
            }
        }
        gauge.register(rows, true);
    }

    @Override
    public synchronized void start() {
        log.debug("Reading the committed lag of {} every {}", groups, interval);
        admin = Admin.create(adminConfig);
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("consumer-lag").factory());
        scheduler.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
