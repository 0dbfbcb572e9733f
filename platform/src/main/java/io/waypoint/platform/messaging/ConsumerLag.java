package io.waypoint.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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

    /** Lag per topic of one group: end offsets minus committed offsets, partitions without a commit count whole. */
    Map<String, Long> lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
                : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach((partition, offset) -> {
            long end = ends.containsKey(partition) ? ends.get(partition).offset() : 0L;
            long position = offset == null ? 0L : offset.offset();
            lag.merge(partition.topic(), Math.max(0L, end - position), Long::sum);
        });
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
