package io.waypoint.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.waypoint.schemas.Topic;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.WaypointAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.converter.RecordMessageConverter;

/**
 * Kafka wiring shared by every service: Avro single-object serde on every producer and consumer (decoded for the
 * listener by {@link AvroRecordMessageConverter}), the catalogue's topics, and dead-lettering of records that
 * cannot be decoded or handled.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class KafkaMessagingAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer waypointProducerDefaults() {
        return factory -> {
            Map<String, Object> defaults = new HashMap<>();
            defaults.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            defaults.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, WaypointAvroSerializer.class);
            defaults.put(ProducerConfig.ACKS_CONFIG, "all");
            defaults.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            defaults.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            defaults.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            factory.updateConfigs(withoutOverrides(defaults, factory.getConfigurationProperties()));
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer waypointConsumerDefaults() {
        return factory -> {
            Map<String, Object> defaults = new HashMap<>();
            defaults.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            // values stay bytes until the listener's converter decodes them (see AvroRecordMessageConverter)
            defaults.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            defaults.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            factory.updateConfigs(withoutOverrides(defaults, factory.getConfigurationProperties()));
        };
    }

    /** The defaults a service has not configured itself; the serde is always Waypoint's. */
    /** Listeners receive decoded records; the consumer keeps the original bytes for dead letters. */
    @Bean
    @ConditionalOnMissingBean(RecordMessageConverter.class)
    RecordMessageConverter waypointRecordMessageConverter(EventCodec codec) {
        return new AvroRecordMessageConverter(codec);
    }

    private static Map<String, Object> withoutOverrides(Map<String, Object> defaults, Map<String, Object> configured) {
        Map<String, Object> result = new HashMap<>(defaults);
        result.keySet().removeIf(key -> configured.containsKey(key)
                && !key.endsWith("serializer") && !key.endsWith("deserializer"));
        return result;
    }

    /** Every catalogue topic, created if missing (partitions and replication are configuration). */
    @Bean
    KafkaAdmin.NewTopics waypointTopics(@Value("${waypoint.kafka.partitions:3}") int partitions,
                                        @Value("${waypoint.kafka.replication-factor:1}") short replicas) {
        NewTopic[] topics = new NewTopic[Topic.values().length];
        for (Topic topic : Topic.values()) {
            topics[topic.ordinal()] = TopicBuilder.name(topic.topicName()).partitions(partitions).replicas(replicas)
                    .build();
        }
        return new KafkaAdmin.NewTopics(topics);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler waypointErrorHandler(KafkaOperations<Object, Object> kafka, KafkaAdmin admin,
                                            ObjectProvider<MeterRegistry> meters,
                                            @Value("${spring.application.name}") String application,
                                            @Value("${waypoint.kafka.partitions:3}") int partitions,
                                            @Value("${waypoint.kafka.replication-factor:1}") short replicas,
                                            @Value("${waypoint.kafka.handler-retries:2}") int retries) {
        return DeadLetters.errorHandler(kafka, admin, meters.getIfAvailable(SimpleMeterRegistry::new), application,
                partitions, replicas, retries);
    }
}
