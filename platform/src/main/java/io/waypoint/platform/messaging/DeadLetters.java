package io.waypoint.platform.messaging;

import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Dead-lettering with Spring Kafka's {@link DeadLetterPublishingRecoverer}: a record that cannot be decoded,
 * or whose handler still fails after a few quick in-memory retries, is published with its original bytes and
 * key to {@code <topic>.<group>.dlq}; the consumer commits past it and goes on. Headers: Spring Kafka's
 * {@code kafka_dlt-original-topic/-partition/-offset}, {@code kafka_dlt-exception-fqcn/-message}, plus
 * {@value #STAGE_HEADER} ({@code deserialization} or {@code handling}) and {@value #ORIGIN_HEADER}
 * ({@code <topic>-<partition>@<offset>} as text). The stack trace is left out so a
 * dead letter stays about as small as the original record. A failure of the service's own database is retried
 * with back-off until it recovers: the record keeps its place and is never dead-lettered for it.
 */
public final class DeadLetters {

    public static final String STAGE_HEADER = "waypoint-dlq-stage";
    /** The original record's place as text, {@code <topic>-<partition>@<offset>}. */
    public static final String ORIGIN_HEADER = "waypoint-dlq-origin";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    static DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka, KafkaAdmin admin,
                                            MeterRegistry meters, String application, int partitions,
                                            short replicas, int retries) {
        Set<String> created = ConcurrentHashMap.newKeySet();
        DeadLetterPublishingRecoverer recoverer = new UnwrappingRecoverer(kafka, (record, exception) -> {
            String group = KafkaUtils.getConsumerGroupId() != null ? KafkaUtils.getConsumerGroupId() : application;
            String dlq = Topic.dlqName(record.topic(), group);
            if (!created.contains(dlq)) {
                // if this fails the record is not recovered: it is retried, never dropped
                admin.createOrModifyTopics(TopicBuilder.name(dlq).partitions(partitions).replicas(replicas).build());
                created.add(dlq);
            }
            meters.counter("waypoint.dead.letters", "topic", record.topic(), "group", group,
                    "stage", isDeserialization(exception) ? "deserialization" : "handling").increment();
            log.warn("Dead-lettering {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), dlq,
                    rootMessage(exception));
            return new TopicPartition(dlq, -1);
        });
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        recoverer.setHeadersFunction((ConsumerRecord<?, ?> record, Exception exception) -> {
            String stage = isDeserialization(exception) ? "deserialization" : "handling";
            // Spring Kafka writes partition and offset as binary numbers; these are readable with any client
            return new RecordHeaders(new RecordHeader[] {
                    text(STAGE_HEADER, stage),
                    text(ORIGIN_HEADER, record.topic() + "-" + record.partition() + "@" + record.offset())});
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(100L, retries));
        handler.addNotRetryableExceptions(NonRetryableEventException.class, DeserializationException.class,
                EventCodec.UndecodableEventException.class);
        // an outage of the service's own database is no fault of the record: wait it out, never dead-letter
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? outageBackOff() : null);
        return handler;
    }

    /**
     * Names the handler's own failure in the error headers, not the framework's wrappers around it (the listener
     * container's and the binding's message handler's), so a dead letter says what went wrong.
     */
    private static final class UnwrappingRecoverer extends DeadLetterPublishingRecoverer {

        UnwrappingRecoverer(KafkaOperations<Object, Object> kafka,
                            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
            super(kafka, destination);
        }

        @Override
        public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
            super.accept(record, consumer, handlerFailure(exception));
        }
    }

    /** The first exception inside the container's, the binding's and the batch's wrappers. */
    static Exception handlerFailure(Exception exception) {
        Throwable failure = exception;
        while ((failure instanceof ListenerExecutionFailedException || failure instanceof MessagingException
                || failure instanceof BatchListenerFailedException)
                && failure.getCause() instanceof Exception cause) {
            failure = cause;
        }
        return (Exception) failure;
    }

    /** Unbounded retries, 0.5 s doubling to at most 30 s: well inside max.poll.interval.ms, so no rebalance. */
    private static BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500L, 2.0);
        backOff.setMaxInterval(30_000L);
        return backOff;
    }

    /** Failures of the database or transaction infrastructure that go away by themselves. */
    static boolean isTransient(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private static RecordHeader text(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isDeserialization(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof DeserializationException || t instanceof EventCodec.UndecodableEventException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
