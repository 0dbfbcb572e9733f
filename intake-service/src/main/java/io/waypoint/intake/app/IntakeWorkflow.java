package io.waypoint.intake.app;

import static io.waypoint.platform.rules.Violation.enforce;

import io.waypoint.intake.eligibility.Age;
import io.waypoint.intake.eligibility.EligibilityDecision;
import io.waypoint.intake.eligibility.EligibilityRules;
import io.waypoint.intake.eligibility.ScreeningAnswers;
import io.waypoint.intake.events.IntakeEvents;
import io.waypoint.intake.journey.ConsentCommand;
import io.waypoint.intake.journey.EnrollmentCommand;
import io.waypoint.intake.journey.Journey;
import io.waypoint.intake.journey.JourneyRules;
import io.waypoint.intake.journey.JourneyStatus;
import io.waypoint.intake.journey.NewReferral;
import io.waypoint.intake.journey.PatientDetailsUpdate;
import io.waypoint.intake.journey.ScreeningCommand;
import io.waypoint.intake.journey.SiteZones;
import io.waypoint.intake.journey.WithdrawalCommand;
import io.waypoint.intake.protocol.ProtocolProfile;
import io.waypoint.intake.protocol.ProtocolVersion;
import io.waypoint.intake.protocol.Protocols;
import io.waypoint.intake.store.JourneyStore;
import io.waypoint.platform.events.Cause;
import io.waypoint.platform.problem.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake's commands, whether they come by REST or from the front desk. Each runs in one transaction: the state
 * change and the events announcing it (through the outbox) commit together; a refused command throws a
 * {@code RuleViolationException} before anything is written, or rolls everything back. A referral names its
 * {@link Cause} (the front-desk record, or none for a REST command); every other command comes by REST, so its
 * events name no cause. Logs name journeys and referrals only, never the patient.
 */
@Service
public class IntakeWorkflow {

    private static final Logger log = LoggerFactory.getLogger(IntakeWorkflow.class);

    private final JourneyStore store;
    private final IntakeEvents events;
    private final Protocols protocols;
    private final SiteZones siteZones;
    private final Clock clock;

    IntakeWorkflow(JourneyStore store, IntakeEvents events, Protocols protocols, SiteZones siteZones, Clock clock) {
        this.store = store;
        this.events = events;
        this.protocols = protocols;
        this.siteZones = siteZones;
        this.clock = clock;
    }

    public record ReferralOutcome(String referralId, String journeyId, JourneyStatus status, boolean created) {
    }

    public record ScreeningOutcome(UUID screeningId, boolean eligible, List<String> reasons) {
    }

    public record EnrollmentOutcome(String journeyId, ProtocolVersion protocol) {
    }

    /** A referral by REST command: {@link #refer(NewReferral, Cause)} with no causing event. */
    @Transactional
    public ReferralOutcome refer(NewReferral referral) {
        return refer(referral, Cause.command());
    }

    /**
     * Opens a journey with a new pseudonymous journeyId and announces it. A referral id seen before is a
     * duplicate: the existing journey is returned and nothing is written or published.
     *
     * @param cause the front-desk record being handled, or {@link Cause#command()} for a REST command
     */
    @Transactional
    public ReferralOutcome refer(NewReferral referral, Cause cause) {
        Optional<Journey> known = store.findByReferralId(referral.referralId());
        if (known.isPresent()) {
            return duplicate(known.get());
        }
        enforce(JourneyRules.referral(referral.birthDate(),
                siteZones.dateAt(referral.siteId(), referral.occurredAt())));
        String journeyId = UUID.randomUUID().toString();
        if (!store.insertJourney(journeyId, referral, clock.instant())) {
            return duplicate(store.findByReferralId(referral.referralId()).orElseThrow());
        }
        UUID eventId = events.patientReferred(journeyId, referral.referralId(), referral.siteId(),
                referral.occurredAt(), cause);
        store.recordLastEvent(journeyId, eventId);
        log.debug("Referral {} opened journey {}", referral.referralId(), journeyId);
        return new ReferralOutcome(referral.referralId(), journeyId, JourneyStatus.REFERRED, true);
    }

    /** Corrects identity or contact; false when the referral is unknown. Publishes nothing: it is all PHI. */
    @Transactional
    public boolean updateDetails(PatientDetailsUpdate update) {
        boolean updated = store.updatePatient(update, clock.instant());
        if (updated) {
            log.debug("Updated patient details of referral {}", update.referralId());
        }
        return updated;
    }

    /**
     * Records a screening and its eligibility decision under the journey's protocol profile (the configured
     * default for a journey screened for the first time). Age is computed from the stored birth date on the day
     * the screening took place at the journey's site (the site's time zone, not UTC).
     */
    @Transactional
    public ScreeningOutcome screen(String journeyId, ScreeningCommand screening) {
        Journey journey = lock(journeyId);
        enforce(JourneyRules.screening(journey.status()));
        String profileName = journey.protocolProfile() != null ? journey.protocolProfile() : protocols.defaultProfile();
        ProtocolProfile profile = protocols.profile(profileName);
        LocalDate screenedOn = siteZones.dateAt(journey.siteId(), screening.occurredAt());
        LocalDate birthDate = store.birthDate(journeyId).orElseThrow();
        enforce(JourneyRules.screeningDate(birthDate, screenedOn));
        int ageYears = Age.yearsOn(birthDate, screenedOn);
        EligibilityDecision decision = new EligibilityRules(profile.eligibility()).evaluate(
                new ScreeningAnswers(ageYears, screening.ptsdDurationMonths(), screening.caps5Total(),
                        screening.cssrs(), screening.exclusionCodes(), screening.medicationClasses()));
        UUID screeningId = UUID.randomUUID();
        ProtocolVersion protocol = protocols.version(profileName);
        store.insertScreening(screeningId, journeyId, screening, ageYears, profileName, profile.version(), decision);
        events.screeningRecorded(journeyId, protocol, Cause.command(), screeningId, ageYears, screening);
        UUID determined = events.eligibilityDetermined(journeyId, protocol, Cause.command(), screeningId, decision,
                screening.occurredAt());
        store.recordDecision(journeyId, decision, profileName, profile.version(), determined, clock.instant());
        log.debug("Journey {} screened under {}: eligible={} reasons={}", journeyId, profileName, decision.eligible(),
                decision.reasons());
        return new ScreeningOutcome(screeningId, decision.eligible(), decision.reasons());
    }

    @Transactional
    public void consent(String journeyId, ConsentCommand consent) {
        Journey journey = lock(journeyId);
        enforce(JourneyRules.consent(journey.status(), journey.reasons()));
        ProtocolProfile profile = protocols.profile(journey.protocolProfile());
        enforce(JourneyRules.consentTerms(consent.overnightStayAgreed(), profile.overnightStayRequired()));
        store.insertConsent(journeyId, consent);
        UUID eventId = events.consentRecorded(journeyId, protocolOf(journey), Cause.command(), consent);
        store.moveTo(journeyId, JourneyStatus.CONSENTED, eventId, clock.instant());
        log.debug("Journey {} consented (form {})", journeyId, consent.consentFormVersion());
    }

    /** Enrolls under the journey's protocol profile and its configured version, which the event names. */
    @Transactional
    public EnrollmentOutcome enroll(String journeyId, EnrollmentCommand enrollment) {
        Journey journey = lock(journeyId);
        enforce(JourneyRules.enrollment(journey.status(), journey.reasons()));
        enforce(JourneyRules.baseline(enrollment.baselineCaps5Total(),
                protocols.profile(journey.protocolProfile()).eligibility().minCaps5Total()));
        ProtocolVersion protocol = protocols.version(journey.protocolProfile());
        store.insertEnrollment(journeyId, enrollment, protocol.profile(), protocol.version());
        UUID eventId = events.patientEnrolled(journeyId, protocol, Cause.command(), journey.siteId(), enrollment);
        store.moveTo(journeyId, JourneyStatus.ENROLLED, eventId, clock.instant());
        log.debug("Journey {} enrolled under {} {}", journeyId, protocol.profile(), protocol.version());
        return new EnrollmentOutcome(journeyId, protocol);
    }

    @Transactional
    public void withdraw(String journeyId, WithdrawalCommand withdrawal) {
        Journey journey = lock(journeyId);
        enforce(JourneyRules.withdrawal(journey.status()));
        store.insertWithdrawal(journeyId, withdrawal);
        UUID eventId = events.journeyWithdrawn(journeyId, protocolOf(journey), Cause.command(), withdrawal);
        store.moveTo(journeyId, JourneyStatus.WITHDRAWN, eventId, clock.instant());
        log.debug("Journey {} withdrawn: {}", journeyId, withdrawal.reason());
    }

    @Transactional(readOnly = true)
    public Journey journey(String journeyId) {
        return store.find(journeyId).orElseThrow(() -> new NotFoundException("journey", journeyId));
    }

    private ReferralOutcome duplicate(Journey journey) {
        log.debug("Referral {} is already journey {}; nothing new", journey.referralId(), journey.journeyId());
        return new ReferralOutcome(journey.referralId(), journey.journeyId(), journey.status(), false);
    }

    private Journey lock(String journeyId) {
        return store.lock(journeyId).orElseThrow(() -> new NotFoundException("journey", journeyId));
    }

    /** The profile and version the journey follows, or null before its first screening. */
    private static ProtocolVersion protocolOf(Journey journey) {
        return journey.protocolProfile() == null ? null
                : new ProtocolVersion(journey.protocolProfile(), journey.protocolVersion());
    }
}
