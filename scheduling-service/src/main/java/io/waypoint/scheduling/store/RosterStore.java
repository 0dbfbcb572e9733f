package io.waypoint.scheduling.store;

import io.waypoint.scheduling.roster.Room;
import io.waypoint.scheduling.roster.Therapist;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Therapists and rooms, and how many active journeys each therapist carries. */
@Repository
public class RosterStore {

    private final JdbcClient jdbc;

    RosterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Therapist> therapists() {
        return jdbc.sql("SELECT therapist_id, display_name, lead_qualified FROM therapist ORDER BY therapist_id")
                .query((rs, n) -> new Therapist(rs.getString("therapist_id"), rs.getString("display_name"),
                        rs.getBoolean("lead_qualified")))
                .list();
    }

    public Optional<Therapist> therapist(String therapistId) {
        return jdbc.sql("SELECT therapist_id, display_name, lead_qualified FROM therapist WHERE therapist_id = :id")
                .param("id", therapistId)
                .query((rs, n) -> new Therapist(rs.getString("therapist_id"), rs.getString("display_name"),
                        rs.getBoolean("lead_qualified")))
                .optional();
    }

    /** Inserts or updates a therapist; true when it was new. */
    public boolean upsert(Therapist therapist) {
        return jdbc.sql("""
                INSERT INTO therapist (therapist_id, display_name, lead_qualified) VALUES (:id, :name, :lead)
                ON CONFLICT (therapist_id) DO UPDATE
                    SET display_name = EXCLUDED.display_name, lead_qualified = EXCLUDED.lead_qualified, updated_at = now()
                RETURNING (xmax = 0) AS inserted
                """)
                .param("id", therapist.therapistId())
                .param("name", therapist.displayName())
                .param("lead", therapist.leadQualified())
                .query(Boolean.class).single();
    }

    public List<Room> rooms() {
        return jdbc.sql("SELECT room_id, name, dosing_capable, overnight FROM room ORDER BY room_id")
                .query((rs, n) -> new Room(rs.getString("room_id"), rs.getString("name"),
                        rs.getBoolean("dosing_capable"), rs.getBoolean("overnight")))
                .list();
    }

    /** Inserts or updates a room; true when it was new. */
    public boolean upsert(Room room) {
        return jdbc.sql("""
                INSERT INTO room (room_id, name, dosing_capable, overnight) VALUES (:id, :name, :dosing, :overnight)
                ON CONFLICT (room_id) DO UPDATE
                    SET name = EXCLUDED.name, dosing_capable = EXCLUDED.dosing_capable,
                        overnight = EXCLUDED.overnight, updated_at = now()
                RETURNING (xmax = 0) AS inserted
                """)
                .param("id", room.roomId())
                .param("name", room.name())
                .param("dosing", room.dosingCapable())
                .param("overnight", room.overnight())
                .query(Boolean.class).single();
    }

    /** Active (neither withdrawn nor completed) journeys per therapist, as lead or co-therapist. */
    public Map<String, Integer> activeJourneyLoad() {
        Map<String, Integer> load = new HashMap<>();
        jdbc.sql("""
                SELECT therapist_id, count(*) AS journeys FROM (
                    SELECT lead_therapist_id AS therapist_id FROM journey_plan
                        WHERE withdrawn_at IS NULL AND completed_at IS NULL
                    UNION ALL
                    SELECT co_therapist_id FROM journey_plan WHERE withdrawn_at IS NULL AND completed_at IS NULL
                ) AS team GROUP BY therapist_id
                """)
                .query(rs -> {
                    load.put(rs.getString("therapist_id"), rs.getInt("journeys"));
                });
        return load;
    }
}
