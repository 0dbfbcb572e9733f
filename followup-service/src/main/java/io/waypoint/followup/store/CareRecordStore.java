package io.waypoint.followup.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Check-ins, adverse events, outcome assessments and safety holds recorded by this service. */
@Repository
public class CareRecordStore {

    private final JdbcClient jdbc;

    public CareRecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void checkIn(String checkInId, String journeyId, Integer dosingNumber, Integer dayNumber, Integer phq9Item9,
                        boolean cssrsPositive, boolean concernRaised, Instant occurredAt) {
        jdbc.sql("""
                INSERT INTO check_in (check_in_id, journey_id, dosing_number, day_number, phq9_item9, cssrs_positive,
                                      concern_raised, occurred_at)
                VALUES (:id, :journeyId, :dosing, :day, :phq9, :cssrs, :concern, :at)
                """)
                .param("id", checkInId).param("journeyId", journeyId).param("dosing", dosingNumber)
                .param("day", dayNumber).param("phq9", phq9Item9).param("cssrs", cssrsPositive)
                .param("concern", concernRaised).param("at", ts(occurredAt))
                .update();
    }

    public void adverseEvent(String adverseEventId, String journeyId, String term, String severity, boolean serious,
                             boolean favourable, Instant onsetAt, Integer dosingNumber, Instant occurredAt) {
        jdbc.sql("""
                INSERT INTO adverse_event (adverse_event_id, journey_id, term, severity, serious, favourable, onset_at,
                                           dosing_number, occurred_at)
                VALUES (:id, :journeyId, :term, :severity, :serious, :favourable, :onset, :dosing, :at)
                """)
                .param("id", adverseEventId).param("journeyId", journeyId).param("term", term)
                .param("severity", severity).param("serious", serious).param("favourable", favourable)
                .param("onset", ts(onsetAt)).param("dosing", dosingNumber).param("at", ts(occurredAt))
                .update();
    }

    public void assessment(String assessmentId, String journeyId, String instrument, String timepoint, int score,
                           String raterId, boolean raterIndependent, Instant occurredAt) {
        jdbc.sql("""
                INSERT INTO outcome_assessment (assessment_id, journey_id, instrument, timepoint, score, rater_id,
                                                rater_independent, occurred_at)
                VALUES (:id, :journeyId, :instrument, :timepoint, :score, :rater, :independent, :at)
                """)
                .param("id", assessmentId).param("journeyId", journeyId).param("instrument", instrument)
                .param("timepoint", timepoint).param("score", score).param("rater", raterId)
                .param("independent", raterIndependent).param("at", ts(occurredAt))
                .update();
    }

    public Optional<SafetyHoldRow> activeHold(String journeyId) {
        return jdbc.sql("""
                SELECT hold_id, journey_id, reason, placed_at, released_at, released_by FROM safety_hold
                WHERE journey_id = :journeyId AND released_at IS NULL
                """).param("journeyId", journeyId)
                .query((rs, n) -> new SafetyHoldRow(rs.getString("hold_id"), rs.getString("journey_id"),
                        rs.getString("reason"), instant(rs, "placed_at"), instant(rs, "released_at"),
                        rs.getString("released_by")))
                .optional();
    }

    public void placeHold(String holdId, String journeyId, String reason, Instant placedAt) {
        jdbc.sql("INSERT INTO safety_hold (hold_id, journey_id, reason, placed_at) VALUES (:id, :j, :reason, :at)")
                .param("id", holdId).param("j", journeyId).param("reason", reason).param("at", ts(placedAt)).update();
    }

    public void releaseHold(String holdId, String releasedBy, Instant releasedAt) {
        jdbc.sql("UPDATE safety_hold SET released_at = :at, released_by = :by WHERE hold_id = :id")
                .param("id", holdId).param("by", releasedBy).param("at", ts(releasedAt)).update();
    }

    public record SafetyHoldRow(String holdId, String journeyId, String reason, Instant placedAt, Instant releasedAt,
                                String releasedBy) {
    }
}
