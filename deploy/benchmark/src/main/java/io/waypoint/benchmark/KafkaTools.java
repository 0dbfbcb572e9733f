package io.waypoint.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Producers, consumers and the admin look-ups the benchmark needs (end offsets, committed lag, group state). */
final class KafkaTools implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;

    KafkaTools(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        this.admin = Admin.create(config);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Admin admin() {
        return admin;
    }

    /** The services' producer settings: acks=all, idempotent, 5 ms linger, lz4. */
    KafkaProducer<String, byte[]> producer(String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    /** A consumer without a group: the caller assigns partitions and commits nothing. */
    KafkaConsumer<String, byte[]> observer(String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(p);
    }

    /** A group member that commits by itself (the baseline's hops). */
    KafkaConsumer<String, byte[]> groupConsumer(String group, String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(p);
    }

    /** Assigns every partition of {@code topics} and positions the consumer at their current end. */
    static void assignAtEnd(KafkaConsumer<?, ?> consumer, Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the positions now, before anything is sent
    }

    void createTopics(Collection<String> names, int partitions) {
        List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        get(admin.createTopics(topics).all());
    }

    Set<String> topics(Predicate<String> filter) {
        Set<String> names = get(admin.listTopics().names());
        Set<String> selected = new HashSet<>();
        names.stream().filter(filter).forEach(selected::add);
        return selected;
    }

    Map<String, TopicDescription> describe(Collection<String> topics) {
        return get(admin.describeTopics(topics).allTopicNames());
    }

    /** The latest (end) offset of every partition of the matching topics. */
    Map<TopicPartition, Long> endOffsets(Predicate<String> filter) {
        Set<String> names = topics(filter);
        if (names.isEmpty()) {
            return Map.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        describe(names).forEach((name, description) -> description.partitions()
                .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        return offsets(partitions, OffsetSpec.latest());
    }

    /** Records on the matching topics: the sum of their end offsets (no producer here is transactional). */
    long totalRecords(Predicate<String> filter) {
        return endOffsets(filter).values().stream().mapToLong(Long::longValue).sum();
    }

    Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    /** A consumer group's lag from its committed offsets: partitions it committed or is assigned, per topic. */
    record GroupLag(String group, long committed, long lag, int members, String state, Map<String, Long> lagByTopic) {
    }

    GroupLag lag(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Set<TopicPartition> partitions = new HashSet<>();
        committed.forEach((p, o) -> {
            if (o != null) {
                partitions.add(p);
            }
        });
        ConsumerGroupDescription description = describeGroup(group);
        int members = 0;
        String state = "UNKNOWN";
        if (description != null) {
            members = description.members().size();
            state = description.groupState().toString();
            for (MemberDescription member : description.members()) {
                partitions.addAll(member.assignment().topicPartitions());
            }
        }
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        long committedTotal = 0;
        long lag = 0;
        Map<String, Long> byTopic = new java.util.TreeMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndMetadata offset = committed.get(p);
            long position = offset != null ? offset.offset() : starts.getOrDefault(p, 0L);
            long partitionLag = Math.max(0, ends.getOrDefault(p, 0L) - position);
            committedTotal += position - starts.getOrDefault(p, 0L);
            lag += partitionLag;
            byTopic.merge(p.topic(), partitionLag, Long::sum);
        }
        return new GroupLag(group, committedTotal, lag, members, state, byTopic);
    }

    ConsumerGroupDescription describeGroup(String group) {
        Map<String, ConsumerGroupDescription> groups = get(admin.describeConsumerGroups(List.of(group)).all());
        return groups.get(group);
    }

    Set<String> groups() {
        Set<String> names = new HashSet<>();
        get(admin.listGroups().all()).forEach(listing -> names.add(listing.groupId()));
        return names;
    }

    /** Waits until each group is STABLE with at least {@code members} members. */
    void awaitStable(Collection<String> groups, int members, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> last = new HashMap<>();
        while (true) {
            boolean all = true;
            for (String group : groups) {
                ConsumerGroupDescription description = describeGroup(group);
                boolean stable = description != null && description.groupState() == GroupState.STABLE
                        && description.members().size() >= members;
                last.put(group, description == null ? "none" : description.groupState() + " with "
                        + description.members().size() + " members");
                all &= stable;
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer groups not stable within " + timeout.toSeconds() + " s: "
                        + last);
            }
            sleep(250);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
