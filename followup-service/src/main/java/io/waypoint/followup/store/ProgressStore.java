package io.waypoint.followup.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.ts;

import io.waypoint.followup.journey.CourseProgress;
import io.waypoint.followup.journey.IntegrationSession;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Completed dosing and integration sessions and recorded outcome timepoints: a journey's course progress. */
@Repository
public class ProgressStore {

    private final JdbcClient jdbc;

    public ProgressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void dosingCompleted(String journeyId, int dosingNumber, Instant at) {
        jdbc.sql("""
                INSERT INTO dosing_completion (journey_id, dosing_number, completed_at) VALUES (:j, :d, :at)
                ON CONFLICT DO NOTHING
                """).param("j", journeyId).param("d", dosingNumber).param("at", ts(at)).update();
    }

    public void integrationCompleted(String journeyId, int dosingNumber, int sequence, Instant heldFrom,
                                     Instant completedAt) {
        jdbc.sql("""
                INSERT INTO integration_completion (journey_id, dosing_number, sequence, held_from, completed_at)
                VALUES (:j, :d, :s, :held, :at) ON CONFLICT DO NOTHING
                """).param("j", journeyId).param("d", dosingNumber).param("s", sequence)
                .param("held", ts(heldFrom)).param("at", ts(completedAt)).update();
    }

    /** When a completed integration session was held (its check-in), if it is known. */
    public Optional<Instant> integrationHeldFrom(String journeyId, int dosingNumber, int sequence) {
        return jdbc.sql("""
                SELECT held_from FROM integration_completion
                WHERE journey_id = :j AND dosing_number = :d AND sequence = :s
                """).param("j", journeyId).param("d", dosingNumber).param("s", sequence)
                .query((rs, n) -> instant(rs, "held_from")).optional();
    }

    /** The time of the latest fact that counts towards completion: a session or a final assessment. */
    public Optional<Instant> latestCourseFact(String journeyId) {
        return jdbc.sql("""
                SELECT GREATEST(
                    (SELECT max(completed_at) FROM dosing_completion WHERE journey_id = :j),
                    (SELECT max(completed_at) FROM integration_completion WHERE journey_id = :j),
                    (SELECT max(occurred_at) FROM outcome_assessment WHERE journey_id = :j)) AS latest
                """).param("j", journeyId).query((rs, n) -> instant(rs, "latest")).optional()
                .filter(java.util.Objects::nonNull);
    }

    /** When {@code instrument} was first recorded at {@code timepoint} for the journey. */
    public Optional<Instant> firstAssessmentAt(String journeyId, String instrument, String timepoint) {
        return jdbc.sql("""
                SELECT occurred_at AS first_at FROM outcome_assessment
                WHERE journey_id = :j AND instrument = :i AND timepoint = :t ORDER BY occurred_at LIMIT 1
                """).param("j", journeyId).param("i", instrument).param("t", timepoint)
                .query((rs, n) -> instant(rs, "first_at")).optional();
    }

    public CourseProgress progress(String journeyId, String finalInstrument) {
        var dosing = new HashSet<>(jdbc.sql("SELECT dosing_number FROM dosing_completion WHERE journey_id = :j")
                .param("j", journeyId).query(Integer.class).list());
        var integration = new HashSet<>(jdbc.sql(
                        "SELECT dosing_number, sequence FROM integration_completion WHERE journey_id = :j")
                .param("j", journeyId)
                .query((rs, n) -> new IntegrationSession(rs.getInt("dosing_number"), rs.getInt("sequence"))).list());
        var timepoints = new HashSet<>(jdbc.sql(
                        "SELECT DISTINCT timepoint FROM outcome_assessment WHERE journey_id = :j AND instrument = :i")
                .param("j", journeyId).param("i", finalInstrument).query(String.class).list());
        return new CourseProgress(dosing, integration, timepoints);
    }
}
