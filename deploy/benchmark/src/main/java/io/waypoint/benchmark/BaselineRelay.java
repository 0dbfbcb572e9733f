package io.waypoint.benchmark;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The raw baseline: topic A to B to C to D with plain kafka-clients, each hop one thread with a consumer and a
 * producer, one synchronous (autocommit, so durable) PostgreSQL insert per record per hop in its own table of the
 * {@code baseline} database, the consumer's offsets committed after the batch's records are acknowledged. The same
 * producer settings as the services; records as large as a referral.
 */
final class BaselineRelay implements AutoCloseable {

    static final String DATABASE = "baseline";
    static final List<String> TOPICS = List.of("bench.baseline.a", "bench.baseline.b", "bench.baseline.c",
            "bench.baseline.d");
    static final List<String> GROUPS = List.of("baseline-hop-1", "baseline-hop-2", "baseline-hop-3");
    static final String EVENT_ID = "event-id";

    private final KafkaTools kafka;
    private final DurablePostgres postgres;
    private final Consumer<String> out;
    private final List<Hop> hops = new ArrayList<>();

    BaselineRelay(KafkaTools kafka, DurablePostgres postgres, Consumer<String> out) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.out = out;
    }

    void start(int partitions) throws SQLException {
        postgres.createDatabase(DATABASE);
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
            for (int hop = 1; hop <= 3; hop++) {
                statement.execute("create table hop" + hop + " (id bigserial primary key, record_key text not null, "
                        + "event_id text, payload bytea not null, received_at timestamptz not null default now())");
            }
        }
        kafka.createTopics(TOPICS, partitions);
        for (int i = 0; i < 3; i++) {
            Hop hop = new Hop(i + 1, TOPICS.get(i), TOPICS.get(i + 1), GROUPS.get(i));
            hops.add(hop);
            hop.start();
        }
        for (Hop hop : hops) {
            hop.awaitAssigned(Duration.ofSeconds(60));
        }
        out.accept("Baseline relay up: " + String.join(" -> ", TOPICS) + ", " + partitions
                + " partitions, one durable insert per record per hop (database " + DATABASE + ")");
    }

    /** The driver's view: send to A, match on D by key, the event id header telling redeliveries apart. */
    static LoadDriver.Flow flow() {
        return new LoadDriver.Flow() {
            private final byte[] payload = new byte[180];

            @Override
            public String sendTopic() {
                return TOPICS.getFirst();
            }

            @Override
            public List<String> receiveTopics() {
                return List.of(TOPICS.getLast());
            }

            @Override
            public ProducerRecord<String, byte[]> record(String id) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(sendTopic(), id, payload);
                record.headers().add(EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                return record;
            }

            @Override
            public LoadDriver.Match match(ConsumerRecord<String, byte[]> received) {
                Header header = received.headers().lastHeader(EVENT_ID);
                return new LoadDriver.Match(received.key(),
                        header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }

            @Override
            public void reset() {
            }
        };
    }

    @Override
    public void close() {
        hops.forEach(Hop::stop);
        hops.forEach(Hop::join);
        hops.clear();
    }

    /** One hop: poll, insert each record (autocommit), forward it, flush, commit the offsets. */
    private final class Hop {
        final int number;
        final String from;
        final String to;
        final String group;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean running = true;
        volatile boolean assigned;
        KafkaConsumer<String, byte[]> consumer;
        Thread thread;

        Hop(int number, String from, String to, String group) {
            this.number = number;
            this.from = from;
            this.to = to;
            this.group = group;
        }

        void start() {
            consumer = kafka.groupConsumer(group, group);
            thread = Thread.ofPlatform().name(group).start(this::loop);
        }

        void loop() {
            try (KafkaProducer<String, byte[]> producer = kafka.producer(group);
                 Connection connection = postgres.connect(DATABASE);
                 PreparedStatement insert = connection.prepareStatement(
                         "insert into hop" + number + " (record_key, event_id, payload) values (?, ?, ?)")) {
                connection.setAutoCommit(true);
                consumer.subscribe(List.of(from));
                while (running) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty()) {
                        assigned = true;
                    }
                    if (records.isEmpty()) {
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : records) {
                        Header eventId = record.headers().lastHeader(EVENT_ID);
                        insert.setString(1, record.key());
                        insert.setString(2, eventId == null ? null : new String(eventId.value(), StandardCharsets.UTF_8));
                        insert.setBytes(3, record.value());
                        insert.executeUpdate();
                        ProducerRecord<String, byte[]> forward = new ProducerRecord<>(to, null, record.key(),
                                record.value(), record.headers());
                        producer.send(forward);
                    }
                    producer.flush();
                    consumer.commitSync();
                }
            } catch (WakeupException e) {
                // stopping
            } catch (Throwable e) {
                failure.set(e);
                if (running) {
                    out.accept("baseline hop " + number + " failed: " + e);
                }
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }

        void awaitAssigned(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!assigned) {
                if (failure.get() != null) {
                    throw new IllegalStateException("baseline hop " + number + " failed", failure.get());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("baseline hop " + number + " got no partitions in time");
                }
                KafkaTools.sleep(100);
            }
        }

        void stop() {
            running = false;
            if (consumer != null) {
                consumer.wakeup();
            }
        }

        void join() {
            if (thread != null) {
                LoadDriver.join(thread);
            }
        }
    }
}
