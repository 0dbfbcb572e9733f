package io.waypoint.intake.store;

import io.waypoint.intake.eligibility.EligibilityDecision;
import io.waypoint.intake.journey.ConsentCommand;
import io.waypoint.intake.journey.EnrollmentCommand;
import io.waypoint.intake.journey.Journey;
import io.waypoint.intake.journey.JourneyStatus;
import io.waypoint.intake.journey.NewReferral;
import io.waypoint.intake.journey.PatientDetailsUpdate;
import io.waypoint.intake.journey.ScreeningCommand;
import io.waypoint.intake.journey.WithdrawalCommand;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Journeys, the patient identity behind them, and every intake record, with plain SQL. */
@Repository
public class JourneyStore {

    private static final String JOURNEY_COLUMNS = """
            journey_id, referral_id, site_id, status, eligible, reasons, protocol_profile, protocol_version,
            last_event_id""";

    private final JdbcClient jdbc;

    JourneyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Journey> find(String journeyId) {
        return jdbc.sql("SELECT " + JOURNEY_COLUMNS + " FROM journey WHERE journey_id = :id")
                .param("id", journeyId).query(JourneyStore::journey).optional();
    }

    /** The journey, locked until the end of the transaction so commands on one journey run one at a time. */
    public Optional<Journey> lock(String journeyId) {
        return jdbc.sql("SELECT " + JOURNEY_COLUMNS + " FROM journey WHERE journey_id = :id FOR UPDATE")
                .param("id", journeyId).query(JourneyStore::journey).optional();
    }

    public Optional<Journey> findByReferralId(String referralId) {
        return jdbc.sql("SELECT " + JOURNEY_COLUMNS + " FROM journey WHERE referral_id = :id")
                .param("id", referralId).query(JourneyStore::journey).optional();
    }

    /**
     * Opens a journey for a referral; false (and nothing written) when the referral id is already known, also
     * when a concurrent transaction has just opened it.
     */
    public boolean insertJourney(String journeyId, NewReferral referral, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO journey (journey_id, referral_id, site_id, status, status_since, updated_at)
                VALUES (:journeyId, :referralId, :siteId, :status, :now, :now)
                ON CONFLICT (referral_id) DO NOTHING
                """)
                .param("journeyId", journeyId)
                .param("referralId", referral.referralId())
                .param("siteId", referral.siteId())
                .param("status", JourneyStatus.REFERRED.name())
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO patient (journey_id, given_name, family_name, birth_date, email, phone, updated_at)
                VALUES (:journeyId, :givenName, :familyName, :birthDate, :email, :phone, :now)
                """)
                .param("journeyId", journeyId)
                .param("givenName", referral.givenName())
                .param("familyName", referral.familyName())
                .param("birthDate", referral.birthDate())
                .param("email", referral.email())
                .param("phone", referral.phone())
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                INSERT INTO referral (journey_id, referrer_name, referrer_organisation, referral_note, referred_at,
                                      received_at)
                VALUES (:journeyId, :referrerName, :referrerOrganisation, :referralNote, :referredAt, :now)
                """)
                .param("journeyId", journeyId)
                .param("referrerName", referral.referrerName())
                .param("referrerOrganisation", referral.referrerOrganisation())
                .param("referralNote", referral.referralNote())
                .param("referredAt", Timestamp.from(referral.occurredAt()))
                .param("now", Timestamp.from(now))
                .update();
        return true;
    }

    public Optional<LocalDate> birthDate(String journeyId) {
        return jdbc.sql("SELECT birth_date FROM patient WHERE journey_id = :id").param("id", journeyId)
                .query((rs, n) -> rs.getObject("birth_date", LocalDate.class)).optional();
    }

    /** Applies the non-null fields; false when no journey has that referral id. */
    public boolean updatePatient(PatientDetailsUpdate update, Instant now) {
        return jdbc.sql("""
                UPDATE patient SET given_name = COALESCE(:givenName, given_name),
                                   family_name = COALESCE(:familyName, family_name),
                                   birth_date = COALESCE(:birthDate, birth_date),
                                   email = COALESCE(:email, email),
                                   phone = COALESCE(:phone, phone),
                                   updated_at = :now
                WHERE journey_id = (SELECT journey_id FROM journey WHERE referral_id = :referralId)
                """)
                .param("givenName", update.givenName(), Types.VARCHAR)
                .param("familyName", update.familyName(), Types.VARCHAR)
                .param("birthDate", update.birthDate(), Types.DATE)
                .param("email", update.email(), Types.VARCHAR)
                .param("phone", update.phone(), Types.VARCHAR)
                .param("now", Timestamp.from(now))
                .param("referralId", update.referralId())
                .update() == 1;
    }

    public void insertScreening(UUID screeningId, String journeyId, ScreeningCommand screening, int ageYears,
                                String protocolProfile, String protocolVersion, EligibilityDecision decision) {
        jdbc.sql("""
                INSERT INTO screening (screening_id, journey_id, occurred_at, age_years, ptsd_duration_months,
                    caps5_total, cssrs_wish_to_be_dead, cssrs_active_thoughts, cssrs_method_thoughts, cssrs_intent,
                    cssrs_plan_with_intent, cssrs_recent_behaviour, exclusion_codes, medication_classes,
                    protocol_profile, protocol_version, eligible, reasons)
                VALUES (:screeningId, :journeyId, :occurredAt, :ageYears, :ptsdDurationMonths, :caps5Total,
                    :wishToBeDead, :activeThoughts, :methodThoughts, :intent, :planWithIntent, :recentBehaviour,
                    :exclusionCodes, :medicationClasses, :profile, :version, :eligible, :reasons)
                """)
                .param("screeningId", screeningId)
                .param("journeyId", journeyId)
                .param("occurredAt", Timestamp.from(screening.occurredAt()))
                .param("ageYears", ageYears)
                .param("ptsdDurationMonths", screening.ptsdDurationMonths())
                .param("caps5Total", screening.caps5Total())
                .param("wishToBeDead", screening.cssrs().wishToBeDead())
                .param("activeThoughts", screening.cssrs().activeThoughts())
                .param("methodThoughts", screening.cssrs().methodThoughts())
                .param("intent", screening.cssrs().intent())
                .param("planWithIntent", screening.cssrs().planWithIntent())
                .param("recentBehaviour", screening.cssrs().recentBehaviour())
                .param("exclusionCodes", screening.exclusionCodes().toArray(String[]::new))
                .param("medicationClasses", screening.medicationClasses().toArray(String[]::new))
                .param("profile", protocolProfile)
                .param("version", protocolVersion)
                .param("eligible", decision.eligible())
                .param("reasons", decision.reasons().toArray(String[]::new))
                .update();
    }

    public void insertConsent(String journeyId, ConsentCommand consent) {
        jdbc.sql("""
                INSERT INTO consent (journey_id, consent_form_version, overnight_stay_agreed, recording_agreed,
                                     occurred_at)
                VALUES (:journeyId, :version, :overnight, :recording, :occurredAt)
                """)
                .param("journeyId", journeyId)
                .param("version", consent.consentFormVersion())
                .param("overnight", consent.overnightStayAgreed())
                .param("recording", consent.recordingAgreed())
                .param("occurredAt", Timestamp.from(consent.occurredAt()))
                .update();
    }

    public void insertEnrollment(String journeyId, EnrollmentCommand enrollment, String protocolProfile,
                                 String protocolVersion) {
        jdbc.sql("""
                INSERT INTO enrollment (journey_id, baseline_caps5_total, baseline_at, pregnancy_test_required,
                                        protocol_profile, protocol_version, occurred_at)
                VALUES (:journeyId, :baseline, :baselineAt, :pregnancyTest, :profile, :version, :occurredAt)
                """)
                .param("journeyId", journeyId)
                .param("baseline", enrollment.baselineCaps5Total())
                .param("baselineAt", Timestamp.from(enrollment.baselineAt()))
                .param("pregnancyTest", enrollment.pregnancyTestRequired())
                .param("profile", protocolProfile)
                .param("version", protocolVersion)
                .param("occurredAt", Timestamp.from(enrollment.occurredAt()))
                .update();
    }

    public void insertWithdrawal(String journeyId, WithdrawalCommand withdrawal) {
        jdbc.sql("INSERT INTO withdrawal (journey_id, reason, occurred_at) VALUES (:journeyId, :reason, :occurredAt)")
                .param("journeyId", journeyId)
                .param("reason", withdrawal.reason())
                .param("occurredAt", Timestamp.from(withdrawal.occurredAt()))
                .update();
    }

    /** Records a screening's decision and the profile the journey now follows. */
    public void recordDecision(String journeyId, EligibilityDecision decision, String protocolProfile,
                               String protocolVersion, UUID lastEventId, Instant now) {
        JourneyStatus status = decision.eligible() ? JourneyStatus.ELIGIBLE : JourneyStatus.INELIGIBLE;
        jdbc.sql("""
                UPDATE journey SET status = :status, eligible = :eligible, reasons = :reasons,
                       protocol_profile = :profile, protocol_version = :version, last_event_id = :lastEventId,
                       status_since = CASE WHEN status = :status THEN status_since ELSE :now END, updated_at = :now
                WHERE journey_id = :journeyId
                """)
                .param("status", status.name())
                .param("eligible", decision.eligible())
                .param("reasons", decision.reasons().toArray(String[]::new))
                .param("profile", protocolProfile)
                .param("version", protocolVersion)
                .param("lastEventId", lastEventId)
                .param("now", Timestamp.from(now))
                .param("journeyId", journeyId)
                .update();
    }

    public void moveTo(String journeyId, JourneyStatus status, UUID lastEventId, Instant now) {
        jdbc.sql("""
                UPDATE journey SET status = :status, last_event_id = :lastEventId, status_since = :now,
                       updated_at = :now
                WHERE journey_id = :journeyId
                """)
                .param("status", status.name())
                .param("lastEventId", lastEventId)
                .param("now", Timestamp.from(now))
                .param("journeyId", journeyId)
                .update();
    }

    /** Only the latest event's id, for a journey whose status does not change (e.g. the referral event). */
    public void recordLastEvent(String journeyId, UUID lastEventId) {
        jdbc.sql("UPDATE journey SET last_event_id = :lastEventId WHERE journey_id = :journeyId")
                .param("lastEventId", lastEventId).param("journeyId", journeyId).update();
    }

    private static Journey journey(ResultSet rs, int row) throws SQLException {
        Object eligible = rs.getObject("eligible");
        return new Journey(rs.getString("journey_id"), rs.getString("referral_id"), rs.getString("site_id"),
                JourneyStatus.valueOf(rs.getString("status")), (Boolean) eligible, strings(rs.getArray("reasons")),
                rs.getString("protocol_profile"), rs.getString("protocol_version"),
                rs.getObject("last_event_id", UUID.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
