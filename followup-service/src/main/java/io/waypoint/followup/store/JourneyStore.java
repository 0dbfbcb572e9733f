package io.waypoint.followup.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.ts;

import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.journey.JourneyStage;
import io.waypoint.followup.journey.ProtocolVersion;
import io.waypoint.followup.journey.StageState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Journeys. Every change to a journey happens with its row locked ({@link #lock}), so events of one journey from
 * different topics and REST commands on it are applied one at a time.
 */
@Repository
public class JourneyStore {

    private static final String COLUMNS = """
            journey_id, protocol_profile, protocol_version, stage, stage_since, held_stage, baseline_at,
            lead_therapist_id, co_therapist_id, last_dose_at, completed_at""";

    private final JdbcClient jdbc;

    public JourneyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the journey on first sight, notes its protocol if not known yet, and locks its row. */
    public Journey lockOrCreate(String journeyId, ProtocolVersion protocol, Instant now) {
        jdbc.sql("""
                INSERT INTO journey (journey_id, protocol_profile, protocol_version, first_seen_at)
                VALUES (:id, :profile, :version, :now)
                ON CONFLICT (journey_id) DO NOTHING
                """)
                .param("id", journeyId)
                .param("profile", protocol == null ? null : protocol.profile())
                .param("version", protocol == null ? null : protocol.version())
                .param("now", ts(now))
                .update();
        if (protocol != null) {
            jdbc.sql("""
                    UPDATE journey SET protocol_profile = :profile, protocol_version = :version
                    WHERE journey_id = :id AND protocol_profile IS NULL
                    """)
                    .param("id", journeyId).param("profile", protocol.profile())
                    .param("version", protocol.version()).update();
        }
        return lock(journeyId).orElseThrow();
    }

    public Optional<Journey> lock(String journeyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journey WHERE journey_id = :id FOR UPDATE")
                .param("id", journeyId).query(JourneyStore::row).optional();
    }

    public Optional<Journey> find(String journeyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journey WHERE journey_id = :id")
                .param("id", journeyId).query(JourneyStore::row).optional();
    }

    public Journey get(String journeyId) {
        return find(journeyId).orElseThrow(() -> new IllegalStateException("Unknown journey " + journeyId));
    }

    /** The protocol named at enrollment is the one the journey follows, whatever earlier events said. */
    public void setProtocol(String journeyId, ProtocolVersion protocol) {
        jdbc.sql("UPDATE journey SET protocol_profile = :profile, protocol_version = :version WHERE journey_id = :id")
                .param("id", journeyId).param("profile", protocol.profile())
                .param("version", protocol.version()).update();
    }

    public void setBaseline(String journeyId, Instant baselineAt) {
        jdbc.sql("UPDATE journey SET baseline_at = :at WHERE journey_id = :id")
                .param("id", journeyId).param("at", ts(baselineAt)).update();
    }

    public void setCareTeam(String journeyId, String leadTherapistId, String coTherapistId) {
        jdbc.sql("UPDATE journey SET lead_therapist_id = :lead, co_therapist_id = :co WHERE journey_id = :id")
                .param("id", journeyId).param("lead", leadTherapistId).param("co", coTherapistId).update();
    }

    public void noteDose(String journeyId, Instant doseAt) {
        jdbc.sql("""
                UPDATE journey SET last_dose_at = GREATEST(COALESCE(last_dose_at, :at), :at) WHERE journey_id = :id
                """).param("id", journeyId).param("at", ts(doseAt)).update();
    }

    public void markCompleted(String journeyId, Instant at) {
        jdbc.sql("UPDATE journey SET completed_at = :at WHERE journey_id = :id AND completed_at IS NULL")
                .param("id", journeyId).param("at", ts(at)).update();
    }

    public void saveStage(String journeyId, StageState state) {
        jdbc.sql("UPDATE journey SET stage = :stage, stage_since = :since, held_stage = :held WHERE journey_id = :id")
                .param("id", journeyId)
                .param("stage", state.stage() == null ? null : state.stage().name())
                .param("since", ts(state.since()))
                .param("held", state.heldStage() == null ? null : state.heldStage().name())
                .update();
    }

    /** Journeys in one stage (or all with a known stage), longest in their stage first. */
    public List<Journey> inStage(JourneyStage stage) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journey WHERE stage IS NOT NULL"
                        + (stage == null ? "" : " AND stage = :stage") + " ORDER BY stage_since, journey_id")
                .params(stage == null ? java.util.Map.of() : java.util.Map.of("stage", stage.name()))
                .query(JourneyStore::row).list();
    }

    /** Journeys with at least one overdue obligation, longest in their stage first. */
    public List<Journey> withOverdueObligations() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM journey j WHERE EXISTS (SELECT 1 FROM obligation o"
                        + " WHERE o.journey_id = j.journey_id AND o.status = 'OVERDUE') ORDER BY stage_since, journey_id")
                .query(JourneyStore::row).list();
    }

    public List<StageCount> countByStage() {
        return jdbc.sql("SELECT stage, count(*) AS n FROM journey WHERE stage IS NOT NULL GROUP BY stage")
                .query((rs, n) -> new StageCount(rs.getString("stage"), rs.getLong("n"))).list();
    }

    public record StageCount(String stage, long journeys) {
    }

    private static Journey row(ResultSet rs, int n) throws SQLException {
        return new Journey(rs.getString("journey_id"), rs.getString("protocol_profile"),
                rs.getString("protocol_version"), stage(rs.getString("stage")), instant(rs, "stage_since"),
                stage(rs.getString("held_stage")), instant(rs, "baseline_at"), rs.getString("lead_therapist_id"),
                rs.getString("co_therapist_id"), instant(rs, "last_dose_at"), instant(rs, "completed_at"));
    }

    private static JourneyStage stage(String name) {
        return name == null ? null : JourneyStage.parse(name);
    }
}
