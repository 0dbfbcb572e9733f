package io.waypoint.platform.outbox;

import io.waypoint.platform.store.Columns;
import io.waypoint.events.common.Envelope;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Events;
import io.waypoint.schemas.Topic;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only way a service publishes: the event is written to the {@code outbox} table in the caller's
 * database transaction, so the state change and the event commit together or not at all.
 * {@link OutboxRelay} sends committed rows to Kafka in order.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, EventCodec codec, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relay = relay;
    }

    public void publish(Topic topic, String key, SpecificRecord event) {
        Objects.requireNonNull(key, "key");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "Outbox.publish needs the transaction of the state change it announces");
        }
        if (!topic.valueTypes().contains(event.getClass())) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " does not belong on " + topic.topicName());
        }
        Envelope envelope = Events.envelopeOf(event);
        jdbc.sql("""
                INSERT INTO outbox (topic, record_key, event_id, event_type, source, subject, occurred_at, payload)
                VALUES (:topic, :key, :eventId, :type, :source, :subject, :occurredAt, :payload)
                """)
                .param("topic", topic.topicName())
                .param("key", key)
                .param("eventId", envelope.getEventId())
                .param("type", event.getSchema().getFullName())
                .param("source", envelope.getSource())
                .param("subject", envelope.getJourneyId())
                .param("occurredAt", Columns.ts(envelope.getOccurredAt()))
                .param("payload", codec.encode(event))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }
}
