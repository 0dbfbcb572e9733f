package io.waypoint.scheduling.store;

import static io.waypoint.platform.store.Columns.instant;
import static io.waypoint.platform.store.Columns.ts;

import io.waypoint.scheduling.dosing.Dose;
import io.waypoint.scheduling.dosing.DoseKind;
import io.waypoint.scheduling.dosing.PreDoseAnswers;
import io.waypoint.scheduling.dosing.PreDoseItem;
import io.waypoint.scheduling.dosing.PreDoseResult;
import io.waypoint.scheduling.dosing.VitalFlag;
import io.waypoint.scheduling.dosing.VitalSigns;
import io.waypoint.scheduling.dosing.VitalsReading;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dosing session record: pre-dose checklists, doses (chain of custody) and vital signs. */
@Repository
public class DosingStore {

    private final JdbcClient jdbc;

    DosingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertPreDoseCheck(String appointmentId, Instant at, PreDoseAnswers answers, PreDoseResult result) {
        jdbc.sql("""
                INSERT INTO pre_dose_check (appointment_id, checked_at, pregnancy_test_negative, fasting_confirmed,
                    contraindicated_medication_absent, cssrs_negative, systolic_mm_hg, diastolic_mm_hg, heart_rate_bpm,
                    temperature_celsius, passed, failed_items)
                VALUES (:id, :at, :pregnancy, :fasting, :medication, :cssrs, :systolic, :diastolic, :heartRate,
                    :temperature, :passed, :failed)
                """)
                .param("id", appointmentId)
                .param("at", ts(at))
                .param("pregnancy", answers.pregnancyTestNegative())
                .param("fasting", answers.fastingConfirmed())
                .param("medication", answers.contraindicatedMedicationAbsent())
                .param("cssrs", answers.cssrsNegative())
                .param("systolic", answers.vitals().systolicMmHg())
                .param("diastolic", answers.vitals().diastolicMmHg())
                .param("heartRate", answers.vitals().heartRateBpm())
                .param("temperature", answers.vitals().temperatureCelsius())
                .param("passed", result.passed())
                .param("failed", result.failedItems().stream().map(PreDoseItem::name).collect(Collectors.joining(",")))
                .update();
    }

    /** The latest pre-dose check of a session: when, and whether it passed; empty when none was recorded. */
    public Optional<PreDoseCheckOutcome> latestPreDoseCheck(String appointmentId) {
        return jdbc.sql("SELECT checked_at, passed FROM pre_dose_check WHERE appointment_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", appointmentId)
                .query((rs, n) -> new PreDoseCheckOutcome(instant(rs, "checked_at"), rs.getBoolean("passed")))
                .optional();
    }

    /** The vital signs of a session measured last at or before {@code at}. */
    public Optional<VitalsReading> latestVitals(String appointmentId, Instant at) {
        return jdbc.sql("""
                SELECT measured_at, systolic_mm_hg, diastolic_mm_hg, heart_rate_bpm, temperature_celsius
                FROM vital_signs WHERE appointment_id = :id AND measured_at <= :at
                ORDER BY measured_at DESC, id DESC LIMIT 1
                """)
                .param("id", appointmentId).param("at", ts(at))
                .query((rs, n) -> new VitalsReading(instant(rs, "measured_at"), new VitalSigns(
                        rs.getInt("systolic_mm_hg"), rs.getInt("diastolic_mm_hg"), rs.getInt("heart_rate_bpm"),
                        rs.getBigDecimal("temperature_celsius"))))
                .optional();
    }

    public record PreDoseCheckOutcome(Instant checkedAt, boolean passed) {
    }

    public void insertDose(String appointmentId, Dose dose, String lotNumber, String dispensedBy, String witnessedBy) {
        jdbc.sql("""
                INSERT INTO dose (appointment_id, dose_kind, amount_mg, administered_at, lot_number, dispensed_by,
                    witnessed_by)
                VALUES (:id, :kind, :amount, :at, :lot, :dispensedBy, :witnessedBy)
                """)
                .param("id", appointmentId)
                .param("kind", dose.kind().name())
                .param("amount", dose.amountMg())
                .param("at", ts(dose.administeredAt()))
                .param("lot", lotNumber)
                .param("dispensedBy", dispensedBy)
                .param("witnessedBy", witnessedBy)
                .update();
    }

    /** The doses of a session in the order given. */
    public List<Dose> doses(String appointmentId) {
        return jdbc.sql("SELECT dose_kind, amount_mg, administered_at FROM dose WHERE appointment_id = :id ORDER BY id")
                .param("id", appointmentId)
                .query((rs, n) -> new Dose(DoseKind.valueOf(rs.getString("dose_kind")), rs.getBigDecimal("amount_mg"),
                        instant(rs, "administered_at")))
                .list();
    }

    /** The initial dose of a journey's dosing session {@code dosingNumber}, if one was given. */
    public Optional<Dose> initialDose(String journeyId, int dosingNumber) {
        return jdbc.sql("""
                SELECT d.dose_kind, d.amount_mg, d.administered_at
                FROM dose d JOIN appointment a ON a.appointment_id = d.appointment_id
                WHERE a.journey_id = :journeyId AND a.kind = 'DOSING' AND a.dosing_number = :number
                    AND a.status <> 'CANCELLED' AND d.dose_kind = 'INITIAL'
                ORDER BY d.id LIMIT 1
                """)
                .param("journeyId", journeyId)
                .param("number", dosingNumber)
                .query((rs, n) -> new Dose(DoseKind.valueOf(rs.getString("dose_kind")), rs.getBigDecimal("amount_mg"),
                        instant(rs, "administered_at")))
                .optional();
    }

    public void insertVitals(String appointmentId, Instant at, VitalSigns vitals, Integer minutesSinceInitialDose,
                             List<VitalFlag> outOfRange) {
        jdbc.sql("""
                INSERT INTO vital_signs (appointment_id, measured_at, systolic_mm_hg, diastolic_mm_hg, heart_rate_bpm,
                    temperature_celsius, minutes_since_initial_dose, out_of_range)
                VALUES (:id, :at, :systolic, :diastolic, :heartRate, :temperature, :minutes, :outOfRange)
                """)
                .param("id", appointmentId)
                .param("at", ts(at))
                .param("systolic", vitals.systolicMmHg())
                .param("diastolic", vitals.diastolicMmHg())
                .param("heartRate", vitals.heartRateBpm())
                .param("temperature", vitals.temperatureCelsius())
                .param("minutes", minutesSinceInitialDose)
                .param("outOfRange", outOfRange.stream().map(VitalFlag::name).collect(Collectors.joining(",")))
                .update();
    }
}
