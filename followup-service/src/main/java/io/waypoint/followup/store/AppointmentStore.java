package io.waypoint.followup.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.integer;
import static io.waypoint.platform.store.Columns.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments as scheduling-service announces them; enough to remind therapists of upcoming sessions. */
@Repository
public class AppointmentStore {

    private static final String COLUMNS = """
            appointment_id, journey_id, kind, sequence, dosing_number, start_at, end_at, therapist_ids, status,
            reminded_at""";

    private final JdbcClient jdbc;

    public AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void scheduled(String appointmentId, String journeyId, String kind, Integer sequence, Integer dosingNumber,
                          Instant start, Instant end, List<String> therapistIds) {
        jdbc.sql("""
                INSERT INTO appointment (appointment_id, journey_id, kind, sequence, dosing_number, start_at, end_at,
                                         therapist_ids, status)
                VALUES (:id, :journeyId, :kind, :sequence, :dosing, :start, :end, :therapists, 'SCHEDULED')
                ON CONFLICT (appointment_id) DO UPDATE SET start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
                    therapist_ids = EXCLUDED.therapist_ids,
                    reminded_at = CASE WHEN appointment.start_at = EXCLUDED.start_at THEN appointment.reminded_at END
                """)
                .param("id", appointmentId).param("journeyId", journeyId).param("kind", kind)
                .param("sequence", sequence).param("dosing", dosingNumber)
                .param("start", ts(start)).param("end", ts(end))
                .param("therapists", String.join(",", therapistIds))
                .update();
    }

    /** A new start time: a new reminder is due for it. */
    public void rescheduled(String appointmentId, Instant start, Instant end) {
        jdbc.sql("""
                UPDATE appointment SET start_at = :start, end_at = :end, reminded_at = NULL,
                    status = CASE WHEN status = 'MISSED' THEN 'SCHEDULED' ELSE status END
                WHERE appointment_id = :id
                """).param("id", appointmentId).param("start", ts(start)).param("end", ts(end)).update();
    }

    public void checkedIn(String appointmentId, Instant at) {
        jdbc.sql("UPDATE appointment SET status = 'CHECKED_IN', checked_in_at = :at WHERE appointment_id = :id")
                .param("id", appointmentId).param("at", ts(at)).update();
    }

    /** When a session was held: its check-in, else its booked start; empty for an unknown appointment. */
    public Optional<Instant> heldFrom(String appointmentId) {
        return jdbc.sql("SELECT COALESCE(checked_in_at, start_at) AS held_from FROM appointment WHERE appointment_id = :id")
                .param("id", appointmentId).query((rs, n) -> instant(rs, "held_from")).optional();
    }

    public void status(String appointmentId, String status) {
        jdbc.sql("UPDATE appointment SET status = :status WHERE appointment_id = :id")
                .param("id", appointmentId).param("status", status).update();
    }

    /** Sessions starting after {@code now} and by {@code latestStart}, not yet reminded, of journeys under way. */
    public List<String> toRemind(Instant now, Instant latestStart, int limit) {
        return jdbc.sql("""
                SELECT a.appointment_id FROM appointment a JOIN journey j ON j.journey_id = a.journey_id
                WHERE a.status = 'SCHEDULED' AND a.reminded_at IS NULL AND a.start_at > :now
                  AND a.start_at <= :latest AND (j.stage IS NULL OR j.stage NOT IN ('WITHDRAWN', 'COMPLETED'))
                ORDER BY a.start_at LIMIT :limit
                """).param("now", ts(now)).param("latest", ts(latestStart)).param("limit", limit)
                .query(String.class).list();
    }

    public Optional<String> journeyOf(String appointmentId) {
        return jdbc.sql("SELECT journey_id FROM appointment WHERE appointment_id = :id")
                .param("id", appointmentId).query(String.class).optional();
    }

    /** Locks a scheduled appointment if it has not been reminded of yet. */
    public Optional<AppointmentRow> lockUnreminded(String appointmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM appointment WHERE appointment_id = :id AND status = 'SCHEDULED'"
                        + " AND reminded_at IS NULL FOR UPDATE")
                .param("id", appointmentId).query(AppointmentStore::row).optional();
    }

    public void markReminded(String appointmentId, Instant at) {
        jdbc.sql("UPDATE appointment SET reminded_at = :at WHERE appointment_id = :id")
                .param("id", appointmentId).param("at", ts(at)).update();
    }

    private static AppointmentRow row(ResultSet rs, int n) throws SQLException {
        String therapists = rs.getString("therapist_ids");
        return new AppointmentRow(rs.getString("appointment_id"), rs.getString("journey_id"), rs.getString("kind"),
                integer(rs, "sequence"), integer(rs, "dosing_number"), instant(rs, "start_at"), instant(rs, "end_at"),
                therapists.isEmpty() ? List.of() : Arrays.asList(therapists.split(",")), rs.getString("status"),
                instant(rs, "reminded_at"));
    }
}
