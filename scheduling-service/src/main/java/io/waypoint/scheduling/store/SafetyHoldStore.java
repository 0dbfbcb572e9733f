package io.waypoint.scheduling.store;

import static io.waypoint.platform.store.Columns.ts;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Safety holds as they affect dosing. */
@Repository
public class SafetyHoldStore {

    private final JdbcClient jdbc;

    SafetyHoldStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void place(String holdId, String journeyId, String reason, Instant at) {
        jdbc.sql("""
                INSERT INTO safety_hold (hold_id, journey_id, reason, placed_at) VALUES (:hold, :journey, :reason, :at)
                ON CONFLICT (hold_id) DO NOTHING
                """)
                .param("hold", holdId).param("journey", journeyId).param("reason", reason).param("at", ts(at))
                .update();
    }

    /** Releases a hold; a release seen before its hold is kept, so the late hold arrives already released. */
    public void release(String holdId, String journeyId, Instant at, String releasedBy) {
        jdbc.sql("""
                INSERT INTO safety_hold (hold_id, journey_id, reason, placed_at, released_at, released_by)
                VALUES (:hold, :journey, 'UNKNOWN', :at, :at, :by)
                ON CONFLICT (hold_id) DO UPDATE SET released_at = EXCLUDED.released_at, released_by = EXCLUDED.released_by
                    WHERE safety_hold.released_at IS NULL
                """)
                .param("hold", holdId).param("journey", journeyId).param("at", ts(at)).param("by", releasedBy)
                .update();
    }

    public boolean active(String journeyId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM safety_hold WHERE journey_id = :id AND released_at IS NULL)")
                .param("id", journeyId).query(Boolean.class).single();
    }
}
