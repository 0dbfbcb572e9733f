package io.waypoint.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.waypoint.platform.inbox.Inbox;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Topic;
import io.waypoint.schemas.WaypointAvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;

/**
 * Kafka wiring shared by every service. Consumers are Spring Cloud Stream functional bindings declared in each
 * service's YAML and built with {@link EventBindings}; their containers get the platform's error handler
 * ({@link DeadLetters}) instead of the binder's own retry and DLQ, so the dead-letter contract is the same for
 * every binding. The outbox relay is the only producer of events (Boot's {@code KafkaTemplate}, Avro single-object
 * serde); the catalogue's topics are created if missing.
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

    /** The defaults a service has not configured itself; the serde is always Waypoint's. */
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

    /**
     * Every binding's container uses the platform's error handler; the binder neither retries nor dead-letters
     * itself ({@code retryAndDlqInBinding} is false), so quick in-memory retries, the wait through a database
     * outage and {@code <topic>.<group>.dlq} with the writer's bytes are the same for every consumer.
     */
    @Bean
    ListenerContainerWithDlqAndRetryCustomizer waypointBindingErrorHandling(CommonErrorHandler errorHandler) {
        return new ListenerContainerWithDlqAndRetryCustomizer() {
            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                                  String group,
                                  BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                                  BackOff backOff) {
                container.setCommonErrorHandler(errorHandler);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }

    @Bean
    EventBindings eventBindings(EventCodec codec, Inbox inbox, PlatformTransactionManager transactionManager,
                                @Value("${spring.application.name}") String application) {
        return new EventBindings(codec, inbox, new TransactionTemplate(transactionManager), application);
    }

    /** Committed-offset lag of the service's consumer groups (default: the service's own group). */
    @Bean
    ConsumerLag waypointConsumerLag(KafkaAdmin admin, ObjectProvider<MeterRegistry> meters,
                                    @Value("${waypoint.kafka.lag-groups:${spring.cloud.stream.default.group}}")
                                    List<String> groups,
                                    @Value("${waypoint.kafka.lag-interval:PT15S}") Duration interval) {
        return new ConsumerLag(admin.getConfigurationProperties(), groups, interval,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
