package io.waypoint.intake.events;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.intake.ConsentRecorded;
import io.waypoint.events.intake.CssrsScreen;
import io.waypoint.events.intake.EligibilityDetermined;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.events.intake.ScreeningRecorded;
import io.waypoint.intake.eligibility.EligibilityDecision;
import io.waypoint.intake.journey.ConsentCommand;
import io.waypoint.intake.journey.EnrollmentCommand;
import io.waypoint.intake.journey.ScreeningCommand;
import io.waypoint.intake.journey.WithdrawalCommand;
import io.waypoint.intake.protocol.ProtocolVersion;
import io.waypoint.platform.events.Cause;
import io.waypoint.platform.events.EnvelopeFactory;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.schemas.Events;
import io.waypoint.schemas.Topic;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Intake's events on {@code waypoint.intake.v1}, keyed by journeyId, written only through the platform outbox in
 * the caller's transaction; the only code of intake that builds Avro records. Nothing here ever takes a name,
 * birth date, contact or free-text note: the parameters are the pseudonymous journey, codes and numbers. The
 * causationId follows the project's rule ({@link Cause}): the consumed record being handled, or none for a REST
 * command; the correlationId is the journeyId. Each method returns the new event's eventId.
 */
@Component
public class IntakeEvents {

    private final Outbox outbox;
    private final EnvelopeFactory envelopes;

    IntakeEvents(Outbox outbox, EnvelopeFactory envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    /** The protocol is not known yet at referral. */
    public UUID patientReferred(String journeyId, String referralId, String siteId, Instant occurredAt,
                                Cause cause) {
        return publish(journeyId, PatientReferred.newBuilder()
                .setEnvelope(envelope(journeyId, occurredAt, null, cause))
                .setReferralId(referralId)
                .setSiteId(siteId)
                .build());
    }

    public UUID screeningRecorded(String journeyId, ProtocolVersion protocol, Cause cause, UUID screeningId,
                                  int ageYears, ScreeningCommand screening) {
        return publish(journeyId, ScreeningRecorded.newBuilder()
                .setEnvelope(envelope(journeyId, screening.occurredAt(), protocol, cause))
                .setScreeningId(screeningId.toString())
                .setAgeYears(ageYears)
                .setPtsdDurationMonths(screening.ptsdDurationMonths())
                .setCaps5Total(screening.caps5Total())
                .setCssrs(CssrsScreen.newBuilder()
                        .setWishToBeDead(screening.cssrs().wishToBeDead())
                        .setActiveThoughts(screening.cssrs().activeThoughts())
                        .setMethodThoughts(screening.cssrs().methodThoughts())
                        .setIntent(screening.cssrs().intent())
                        .setPlanWithIntent(screening.cssrs().planWithIntent())
                        .setRecentBehaviour(screening.cssrs().recentBehaviour())
                        .build())
                .setExclusionCodes(screening.exclusionCodes())
                .setMedicationClasses(screening.medicationClasses())
                .build());
    }

    public UUID eligibilityDetermined(String journeyId, ProtocolVersion protocol, Cause cause, UUID screeningId,
                                      EligibilityDecision decision, Instant occurredAt) {
        return publish(journeyId, EligibilityDetermined.newBuilder()
                .setEnvelope(envelope(journeyId, occurredAt, protocol, cause))
                .setScreeningId(screeningId.toString())
                .setEligible(decision.eligible())
                .setReasons(decision.reasons())
                .build());
    }

    public UUID consentRecorded(String journeyId, ProtocolVersion protocol, Cause cause, ConsentCommand consent) {
        return publish(journeyId, ConsentRecorded.newBuilder()
                .setEnvelope(envelope(journeyId, consent.occurredAt(), protocol, cause))
                .setConsentFormVersion(consent.consentFormVersion())
                .setOvernightStayAgreed(consent.overnightStayAgreed())
                .setRecordingAgreed(consent.recordingAgreed())
                .build());
    }

    public UUID patientEnrolled(String journeyId, ProtocolVersion protocol, Cause cause, String siteId,
                                EnrollmentCommand enrollment) {
        return publish(journeyId, PatientEnrolled.newBuilder()
                .setEnvelope(envelope(journeyId, enrollment.occurredAt(), protocol, cause))
                .setSiteId(siteId)
                .setBaselineCaps5Total(enrollment.baselineCaps5Total())
                .setBaselineAt(enrollment.baselineAt())
                .setPregnancyTestRequired(enrollment.pregnancyTestRequired())
                .build());
    }

    public UUID journeyWithdrawn(String journeyId, ProtocolVersion protocol, Cause cause,
                                 WithdrawalCommand withdrawal) {
        return publish(journeyId, JourneyWithdrawn.newBuilder()
                .setEnvelope(envelope(journeyId, withdrawal.occurredAt(), protocol, cause))
                .setReason(withdrawal.reason())
                .build());
    }

    /** A journey not yet bound to a profile (before its first screening) names no protocol. */
    private Envelope envelope(String journeyId, Instant occurredAt, ProtocolVersion protocol, Cause cause) {
        return envelopes.next(journeyId, occurredAt,
                protocol == null ? null : new ProtocolRef(protocol.profile(), protocol.version()), cause);
    }

    private UUID publish(String journeyId, SpecificRecord event) {
        outbox.publish(Topic.INTAKE, journeyId, event);
        return Events.envelopeOf(event).getEventId();
    }
}
