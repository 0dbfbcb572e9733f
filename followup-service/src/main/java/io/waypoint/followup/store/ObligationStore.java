package io.waypoint.followup.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.ts;

import io.waypoint.followup.obligation.Obligation;
import io.waypoint.followup.obligation.ObligationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Obligations of journeys: opened, met, flagged overdue or cancelled. */
@Repository
public class ObligationStore {

    private static final String COLUMNS = """
            obligation_id, journey_id, kind, dosing_number, due_at, status, met_at, on_time, opened_at, cause_event_id,
            cancelled_at""";

    private final JdbcClient jdbc;

    public ObligationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens an obligation unless the journey already has one of this kind (for this dosing session). */
    public Optional<Obligation> open(String journeyId, String kind, int dosingNumber, Instant dueAt,
                                       Instant knownAt, String causeEventId) {
        return jdbc.sql("""
                INSERT INTO obligation (obligation_id, journey_id, kind, dosing_number, due_at, status, opened_at,
                                        cause_event_id)
                VALUES (:id, :journeyId, :kind, :dosing, :due, 'OPEN', :opened, :cause)
                ON CONFLICT (journey_id, kind, dosing_number) DO NOTHING
                RETURNING\s""" + COLUMNS)
                .param("id", UUID.randomUUID().toString())
                .param("journeyId", journeyId).param("kind", kind).param("dosing", dosingNumber)
                .param("due", ts(dueAt)).param("opened", ts(knownAt)).param("cause", causeEventId)
                .query(ObligationStore::row).optional();
    }

    /** The obligation of this kind if it is still to be met (open or overdue), locked. */
    public Optional<Obligation> lockUnmet(String journeyId, String kind, int dosingNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE journey_id = :journeyId AND kind = :kind"
                        + " AND dosing_number = :dosing AND status IN ('OPEN', 'OVERDUE') FOR UPDATE")
                .param("journeyId", journeyId).param("kind", kind).param("dosing", dosingNumber)
                .query(ObligationStore::row).optional();
    }

    public void markMet(String obligationId, Instant metAt, boolean onTime) {
        jdbc.sql("UPDATE obligation SET status = 'MET', met_at = :metAt, on_time = :onTime WHERE obligation_id = :id")
                .param("id", obligationId).param("metAt", ts(metAt)).param("onTime", onTime).update();
    }

    /** Closes every obligation of the journey still to be met (open or overdue) as CANCELLED; how many it closed. */
    public int cancelUnmet(String journeyId, Instant at) {
        return jdbc.sql("UPDATE obligation SET status = 'CANCELLED', cancelled_at = :at"
                        + " WHERE journey_id = :journeyId AND status IN ('OPEN', 'OVERDUE')")
                .param("journeyId", journeyId).param("at", ts(at)).update();
    }

    /** Open obligations past their deadline and known since {@code knownBy}, of journeys still under way. */
    public List<String> overdueCandidates(Instant now, Instant knownBy, int limit) {
        return jdbc.sql("""
                SELECT o.obligation_id FROM obligation o JOIN journey j ON j.journey_id = o.journey_id
                WHERE o.status = 'OPEN' AND o.due_at < :now AND o.opened_at <= :knownBy
                  AND (j.stage IS NULL OR j.stage NOT IN ('WITHDRAWN', 'COMPLETED'))
                ORDER BY o.due_at LIMIT :limit
                """)
                .param("now", ts(now)).param("knownBy", ts(knownBy)).param("limit", limit)
                .query(String.class).list();
    }

    public Optional<String> journeyOf(String obligationId) {
        return jdbc.sql("SELECT journey_id FROM obligation WHERE obligation_id = :id")
                .param("id", obligationId).query(String.class).optional();
    }

    /** Locks an obligation if it is still open. */
    public Optional<Obligation> lockOpen(String obligationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE obligation_id = :id AND status = 'OPEN'"
                        + " FOR UPDATE")
                .param("id", obligationId).query(ObligationStore::row).optional();
    }

    public void markOverdue(String obligationId, Instant at) {
        jdbc.sql("UPDATE obligation SET status = 'OVERDUE', overdue_at = :at WHERE obligation_id = :id")
                .param("id", obligationId).param("at", ts(at)).update();
    }

    public List<Obligation> ofJourney(String journeyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM obligation WHERE journey_id = :journeyId ORDER BY due_at, kind")
                .param("journeyId", journeyId).query(ObligationStore::row).list();
    }

    public long count(ObligationStatus status) {
        return jdbc.sql("SELECT count(*) FROM obligation WHERE status = :status")
                .param("status", status.name()).query(Long.class).single();
    }

    private static Obligation row(ResultSet rs, int n) throws SQLException {
        boolean onTime = rs.getBoolean("on_time");
        return new Obligation(rs.getString("obligation_id"), rs.getString("journey_id"), rs.getString("kind"),
                rs.getInt("dosing_number"), instant(rs, "due_at"), ObligationStatus.valueOf(rs.getString("status")),
                instant(rs, "met_at"), rs.wasNull() ? null : onTime, instant(rs, "opened_at"),
                rs.getString("cause_event_id"), instant(rs, "cancelled_at"));
    }
}
