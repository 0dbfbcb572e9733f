package io.waypoint.platform.inbox;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Duplicate detection for consumers: Kafka delivers at least once, so a handler records each eventId it
 * handles in the same transaction as its effects, and skips an event it has seen.
 */
public class Inbox {

    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time {@code consumer} handles {@code eventId}; false for a redelivery. */
    public boolean firstDelivery(UUID eventId, String consumer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Inbox.firstDelivery needs the handler's transaction");
        }
        return jdbc.sql("""
                INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                ON CONFLICT DO NOTHING
                """)
                .param("consumer", consumer)
                .param("eventId", eventId)
                .update() == 1;
    }
}
