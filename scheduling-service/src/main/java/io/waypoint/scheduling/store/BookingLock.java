package io.waypoint.scheduling.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Serialises bookings across threads and instances with a PostgreSQL transaction-level advisory lock, so two
 * searches never hand out the same room or therapist time.
 */
@Repository
public class BookingLock {

    private static final long KEY = 0x426f6f6bL; // "Book"

    private final JdbcClient jdbc;

    BookingLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the current transaction ends. */
    public void acquire() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked").param("key", KEY).query(Integer.class).single();
    }
}
