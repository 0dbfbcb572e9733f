package io.waypoint.platform.test;

import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Events;
import io.waypoint.schemas.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;

/** Sends and reads real Avro bytes on the test broker, as any other Kafka client would. */
public class TestTopics implements DisposableBean {

    private final String bootstrapServers;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    public TestTopics(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Produces a record as a front-desk system or another service would: single-object encoded Avro. */
    public void send(Topic topic, String key, SpecificRecord record) {
        sendRaw(topic.topicName(), key, codec.encode(record));
    }

    /** Produces records in one go (sent together, acknowledged together), so a consumer may poll them at once. */
    public void sendAll(Topic topic, String key, List<? extends SpecificRecord> records) {
        List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
        for (SpecificRecord record : records) {
            acks.add(producer.send(new ProducerRecord<>(topic.topicName(), key, codec.encode(record))));
        }
        producer.flush();
        for (java.util.concurrent.Future<?> ack : acks) {
            try {
                ack.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Could not produce to " + topic.topicName(), e);
            }
        }
    }

    public void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    /** Waits for at least {@code expected} records of one journey on a topic; returns them in log order. */
    public List<SpecificRecord> readJourney(Topic topic, String journeyId, int expected, Duration timeout) {
        return read(topic.topicName(), r -> journeyId.equals(r.key()), expected, timeout).stream()
                .map(r -> codec.decode(r.value()))
                .toList();
    }

    /** Every decodable record on a topic that arrives within {@code quiet} of the last one. */
    public List<SpecificRecord> readAll(Topic topic, Duration quiet) {
        return read(topic.topicName(), r -> true, Integer.MAX_VALUE, quiet).stream()
                .map(r -> codec.decode(r.value()))
                .toList();
    }

    /** Raw records (with headers) matching a filter; waits until {@code expected} arrived or the timeout. */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
                                                      int expected, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(2)).forEach(p ->
                        partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
            }
            found.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return found;
        }
    }

    /** The simple type names of records, e.g. for asserting an exact ordered sequence. */
    public static List<String> types(List<SpecificRecord> records) {
        return records.stream().map(Events::type).toList();
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
