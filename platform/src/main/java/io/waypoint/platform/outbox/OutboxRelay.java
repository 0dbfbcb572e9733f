package io.waypoint.platform.outbox;

import io.waypoint.platform.store.Columns;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka in id order, in batches, then deletes them in the same database
 * transaction. Woken right after each commit that wrote to the outbox, and on a timer as a safety net.
 * A PostgreSQL advisory lock keeps one relay active per database, so per-key order holds across instances.
 * Delivery is at least once; consumers deduplicate by eventId. With {@code waypoint.outbox.relay.enabled=false}
 * (a process rebuilding a projection from the log, which must not publish what it re-derives a second time) no
 * relay runs and committed rows stay in the outbox.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_KEY = 0x57617970L; // "Wayp"

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaOperations<Object, Object> kafka;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Counter published;
    private final boolean enabled;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaOperations<Object, Object> kafka,
                       MeterRegistry meters, int batchSize, Duration pollInterval, Duration sendTimeout,
                       boolean enabled) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.published = Counter.builder("waypoint.outbox.published").description("Outbox rows sent to Kafka")
                .register(meters);
        Gauge.builder("waypoint.outbox.pending", this, OutboxRelay::pendingRows)
                .description("Outbox rows not yet sent: the relay's lag").register(meters);
    }

    private double pendingRows() {
        try {
            return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            log.warn("The outbox relay is off (waypoint.outbox.relay.enabled=false): committed events stay in the "
                    + "outbox and are not published");
            return;
        }
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(sendTimeout.toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop after the listener containers (which may still write to the outbox), start before them
        return Integer.MAX_VALUE - 1000;
    }

    private void loop() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                wake.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == batchSize && running);
                backoff = pollInterval;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay could not publish a batch, retrying in {}: {}", backoff, e.getMessage());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes one batch; returns how many rows it sent. */
    int relayBatch() {
        Integer sent = tx.execute(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", ADVISORY_LOCK_KEY)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> rows = jdbc.sql("""
                    SELECT id, topic, record_key, event_id, event_type, source, subject, occurred_at, payload
                    FROM outbox ORDER BY id LIMIT :limit
                    """)
                    .param("limit", batchSize)
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("record_key"),
                            rs.getString("event_id"), rs.getString("event_type"), rs.getString("source"),
                            rs.getString("subject"), Columns.instant(rs, "occurred_at"),
                            rs.getBytes("payload")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                acks.add(kafka.send(row.toProducerRecord()));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing the outbox", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
            }
            // the transaction is REPEATABLE READ: rows committed after the SELECT stay invisible here
            jdbc.sql("DELETE FROM outbox WHERE id <= :last").param("last", rows.getLast().id()).update();
            return rows.size();
        });
        int count = sent == null ? 0 : sent;
        published.increment(count);
        return count;
    }

    private record Row(long id, String topic, String key, String eventId, String type, String source,
                       String subject, java.time.Instant occurredAt, byte[] payload) {

        ProducerRecord<Object, Object> toProducerRecord() {
            RecordHeaders headers = new RecordHeaders();
            // CloudEvents Kafka protocol binding, binary content mode
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_id", bytes(eventId));
            headers.add("ce_type", bytes(type));
            headers.add("ce_source", bytes(source));
            headers.add("ce_time", bytes(DateTimeFormatter.ISO_INSTANT.format(occurredAt)));
            if (subject != null) {
                headers.add("ce_subject", bytes(subject));
            }
            headers.add("content-type", bytes("application/vnd.apache.avro+binary"));
            return new ProducerRecord<>(topic, null, key, payload, headers);
        }

        private static byte[] bytes(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }
}
