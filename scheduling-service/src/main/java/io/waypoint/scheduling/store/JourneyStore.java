package io.waypoint.scheduling.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.ts;

import io.waypoint.scheduling.plan.CareTeam;
import io.waypoint.scheduling.plan.JourneyPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enrolled journeys: protocol and care team. */
@Repository
public class JourneyStore {

    private final JdbcClient jdbc;

    JourneyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<JourneyPlan> find(String journeyId) {
        return jdbc.sql("SELECT * FROM journey_plan WHERE journey_id = :id")
                .param("id", journeyId)
                .query(JourneyStore::map)
                .optional();
    }

    /**
     * Reads a journey's plan and locks its row until the transaction ends. Everything that changes a journey takes
     * this lock before it writes, so a journey's changes, and the events they put in the outbox, happen one after
     * the other in commit order.
     */
    public Optional<JourneyPlan> lock(String journeyId) {
        return jdbc.sql("SELECT * FROM journey_plan WHERE journey_id = :id FOR UPDATE")
                .param("id", journeyId)
                .query(JourneyStore::map)
                .optional();
    }

    private static JourneyPlan map(ResultSet rs, int row) throws SQLException {
        return new JourneyPlan(rs.getString("journey_id"), rs.getString("protocol_profile"),
                rs.getString("protocol_version"), rs.getString("correlation_id"), rs.getString("site_id"),
                rs.getBoolean("pregnancy_test_required"), instant(rs, "baseline_at"), instant(rs, "enrolled_at"),
                new CareTeam(rs.getString("lead_therapist_id"), rs.getString("co_therapist_id")),
                instant(rs, "withdrawn_at"));
    }

    /** Stores a new plan; false when the journey already has one. */
    public boolean insert(JourneyPlan plan) {
        return jdbc.sql("""
                INSERT INTO journey_plan (journey_id, protocol_profile, protocol_version, correlation_id, site_id,
                    pregnancy_test_required, baseline_at, enrolled_at, lead_therapist_id, co_therapist_id)
                VALUES (:journeyId, :profile, :version, :correlationId, :siteId, :pregnancy, :baselineAt, :enrolledAt,
                    :lead, :co)
                ON CONFLICT (journey_id) DO NOTHING
                """)
                .param("journeyId", plan.journeyId())
                .param("profile", plan.protocolProfile())
                .param("version", plan.protocolVersion())
                .param("correlationId", plan.correlationId())
                .param("siteId", plan.siteId())
                .param("pregnancy", plan.pregnancyTestRequired())
                .param("baselineAt", ts(plan.baselineAt()))
                .param("enrolledAt", ts(plan.enrolledAt()))
                .param("lead", plan.careTeam().leadTherapistId())
                .param("co", plan.careTeam().coTherapistId())
                .update() == 1;
    }

    public void markWithdrawn(String journeyId, Instant at) {
        jdbc.sql("UPDATE journey_plan SET withdrawn_at = :at WHERE journey_id = :id AND withdrawn_at IS NULL")
                .param("id", journeyId).param("at", ts(at)).update();
    }

    public void markCompleted(String journeyId, Instant at) {
        jdbc.sql("UPDATE journey_plan SET completed_at = :at WHERE journey_id = :id AND completed_at IS NULL")
                .param("id", journeyId).param("at", ts(at)).update();
    }
}
