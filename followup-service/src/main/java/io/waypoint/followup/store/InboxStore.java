package io.waypoint.followup.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.ts;

import io.waypoint.followup.notification.Notification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Therapists' inboxes. */
@Repository
public class InboxStore {

    private static final String COLUMNS = """
            notification_id, therapist_id, journey_id, kind, priority, title, appointment_id, due_at, issued_at,
            acknowledged_at""";

    private final JdbcClient jdbc;

    public InboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Notification row) {
        jdbc.sql("""
                INSERT INTO inbox_notification (notification_id, therapist_id, journey_id, kind, priority, title,
                                                appointment_id, due_at, issued_at)
                VALUES (:id, :therapist, :journeyId, :kind, :priority, :title, :appointment, :due, :issued)
                """)
                .param("id", row.notificationId()).param("therapist", row.therapistId())
                .param("journeyId", row.journeyId()).param("kind", row.kind()).param("priority", row.priority())
                .param("title", row.title()).param("appointment", row.appointmentId()).param("due", ts(row.dueAt()))
                .param("issued", ts(row.issuedAt()))
                .update();
    }

    /** A therapist's notifications, newest first. */
    public List<Notification> of(String therapistId, boolean unacknowledgedOnly) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_notification WHERE therapist_id = :therapist"
                        + (unacknowledgedOnly ? " AND acknowledged_at IS NULL" : "")
                        + " ORDER BY issued_at DESC, notification_id")
                .param("therapist", therapistId).query(InboxStore::row).list();
    }

    /** Acknowledges once: a second acknowledgement keeps the first time. Empty when not this therapist's. */
    public Optional<Notification> acknowledge(String therapistId, String notificationId, Instant at) {
        jdbc.sql("""
                UPDATE inbox_notification SET acknowledged_at = :at
                WHERE therapist_id = :therapist AND notification_id = :id AND acknowledged_at IS NULL
                """).param("therapist", therapistId).param("id", notificationId).param("at", ts(at)).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_notification WHERE therapist_id = :therapist"
                        + " AND notification_id = :id")
                .param("therapist", therapistId).param("id", notificationId).query(InboxStore::row).optional();
    }

    private static Notification row(ResultSet rs, int n) throws SQLException {
        return new Notification(rs.getString("notification_id"), rs.getString("therapist_id"), rs.getString("journey_id"),
                rs.getString("kind"), rs.getString("priority"), rs.getString("title"), rs.getString("appointment_id"),
                instant(rs, "due_at"), instant(rs, "issued_at"), instant(rs, "acknowledged_at"));
    }
}
