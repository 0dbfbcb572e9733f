package io.waypoint.platform.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
        return firstDeliveries(List.of(eventId), consumer).contains(eventId);
    }

    /**
     * Records a poll's eventIds for {@code consumer} with one statement and returns those seen for the first time
     * (an id twice in {@code eventIds} is returned once). Needs the handlers' transaction: if it rolls back, the ids
     * are not recorded.
     */
    public Set<UUID> firstDeliveries(Collection<UUID> eventIds, String consumer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Inbox.firstDeliveries needs the handlers' transaction");
        }
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<Object[]> rows = new ArrayList<>(eventIds.size());
        for (UUID eventId : new LinkedHashSet<>(eventIds)) {
            rows.add(new Object[] {consumer, eventId});
        }
        return new HashSet<>(jdbc.sql("""
                INSERT INTO processed_event (consumer, event_id) VALUES :rows
                ON CONFLICT DO NOTHING RETURNING event_id
                """)
                .param("rows", rows)
                .query(UUID.class)
                .list());
    }
}
