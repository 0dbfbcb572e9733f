package io.waypoint.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.waypoint.platform.events.EnvelopeFactory;
import io.waypoint.platform.idempotency.IdempotencyStore;
import io.waypoint.platform.idempotency.Idempotent;
import io.waypoint.platform.idempotency.IdempotentCommandAspect;
import io.waypoint.platform.idempotency.IdempotentCommands;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import io.waypoint.platform.inbox.Inbox;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.platform.outbox.OutboxRelay;
import io.waypoint.platform.problem.ProblemHandler;
import io.waypoint.schemas.EventCodec;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What every Waypoint service gets by depending on this module. */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        KafkaAutoConfiguration.class})
@Import(ProblemHandler.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    EnvelopeFactory envelopeFactory(Clock clock, @Value("${spring.application.name}") String source) {
        return new EnvelopeFactory(clock, source);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                            KafkaOperations<Object, Object> kafka, ObjectProvider<MeterRegistry> meters,
                            @Value("${waypoint.outbox.batch-size:500}") int batchSize,
                            @Value("${waypoint.outbox.poll-interval:PT1S}") Duration pollInterval,
                            @Value("${waypoint.outbox.send-timeout:PT30S}") Duration sendTimeout,
                            @Value("${waypoint.outbox.relay.enabled:true}") boolean enabled) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka,
                meters.getIfAvailable(SimpleMeterRegistry::new), batchSize, pollInterval, sendTimeout, enabled);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, EventCodec codec, OutboxRelay relay) {
        return new Outbox(jdbc, codec, relay);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc) {
        return new Inbox(jdbc);
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc) {
        return new IdempotencyStore(jdbc);
    }

    @Bean
    IdempotentCommands idempotentCommands(IdempotencyStore store, PlatformTransactionManager transactionManager,
                                          JsonMapper json,
                                          @Value("${waypoint.idempotency.max-key-length}") int maxKeyLength) {
        return new IdempotentCommands(store, transactionManager, json, maxKeyLength);
    }

    @Bean
    IdempotentCommandAspect idempotentCommandAspect(IdempotentCommands commands) {
        return new IdempotentCommandAspect(commands);
    }

    /** Documents the {@code Idempotency-Key} header on every {@link Idempotent} operation. */
    @Bean
    OperationCustomizer idempotencyKeyHeader(@Value("${waypoint.idempotency.max-key-length}") int maxKeyLength) {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(Idempotent.class)) {
                operation.addParametersItem(new HeaderParameter().name(IdempotentCommands.HEADER).required(false)
                        .description("Repeats of this command with the same key and body get the first answer "
                                + "again, with no second effect; the same key with another body is refused (422).")
                        .schema(new StringSchema().maxLength(maxKeyLength)));
            }
            return operation;
        };
    }
}
