package io.waypoint.followup.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.ts;

import io.waypoint.followup.journey.TimelineEntry;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ops timeline: every consumed event of a journey, once (by eventId). */
@Repository
public class TimelineStore {

    private final JdbcClient jdbc;

    public TimelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an entry; false when an entry for this event id is already there. */
    public boolean add(TimelineEntry entry) {
        return jdbc.sql("""
                INSERT INTO timeline_entry (event_id, journey_id, topic, event_type, occurred_at, recorded_at, summary)
                VALUES (:eventId, :journeyId, :topic, :type, :occurredAt, :recordedAt, :summary)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("eventId", entry.eventId()).param("journeyId", entry.journeyId())
                .param("topic", entry.topic()).param("type", entry.type())
                .param("occurredAt", ts(entry.occurredAt())).param("recordedAt", ts(entry.recordedAt()))
                .param("summary", entry.summary())
                .update() == 1;
    }

    public List<TimelineEntry> ofJourney(String journeyId) {
        return jdbc.sql("""
                SELECT event_id, journey_id, topic, event_type, occurred_at, recorded_at, summary FROM timeline_entry
                WHERE journey_id = :journeyId ORDER BY occurred_at, arrival
                """)
                .param("journeyId", journeyId)
                .query((rs, n) -> new TimelineEntry(rs.getObject("event_id", java.util.UUID.class),
                        rs.getString("journey_id"), rs.getString("topic"), rs.getString("event_type"),
                        instant(rs, "occurred_at"), instant(rs, "recorded_at"), rs.getString("summary")))
                .list();
    }
}
