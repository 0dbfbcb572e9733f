package io.waypoint.intake.messaging;

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
 * the caller's transaction. Nothing here ever takes a name, birth date, contact or free-text note: the
 * parameters are the pseudonymous journey, codes and numbers. Each event's causationId is the journey's previous
 * event; the correlationId is the journeyId.
 */
@Component
public class IntakeEvents {

    private final Outbox outbox;
    private final EnvelopeFactory envelopes;

    public IntakeEvents(Outbox outbox, EnvelopeFactory envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    /** The protocol is not known yet at referral; causationId is the inbound front-desk event, if any. */
    public UUID patientReferred(String journeyId, String referralId, String siteId, Instant occurredAt,
                                String causationId) {
        return publish(journeyId, PatientReferred.newBuilder()
                .setEnvelope(envelope(journeyId, occurredAt, null, causationId))
                .setReferralId(referralId)
                .setSiteId(siteId)
                .build());
    }

    public UUID screeningRecorded(String journeyId, ProtocolRef protocol, UUID cause, UUID screeningId, int ageYears,
                                  ScreeningCommand screening) {
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

    public UUID eligibilityDetermined(String journeyId, ProtocolRef protocol, UUID cause, UUID screeningId,
                                      EligibilityDecision decision, Instant occurredAt) {
        return publish(journeyId, EligibilityDetermined.newBuilder()
                .setEnvelope(envelope(journeyId, occurredAt, protocol, cause))
                .setScreeningId(screeningId.toString())
                .setEligible(decision.eligible())
                .setReasons(decision.reasons())
                .build());
    }

    public UUID consentRecorded(String journeyId, ProtocolRef protocol, UUID cause, ConsentCommand consent) {
        return publish(journeyId, ConsentRecorded.newBuilder()
                .setEnvelope(envelope(journeyId, consent.occurredAt(), protocol, cause))
                .setConsentFormVersion(consent.consentFormVersion())
                .setOvernightStayAgreed(consent.overnightStayAgreed())
                .setRecordingAgreed(consent.recordingAgreed())
                .build());
    }

    public UUID patientEnrolled(String journeyId, ProtocolRef protocol, UUID cause, String siteId,
                                EnrollmentCommand enrollment) {
        return publish(journeyId, PatientEnrolled.newBuilder()
                .setEnvelope(envelope(journeyId, enrollment.occurredAt(), protocol, cause))
                .setSiteId(siteId)
                .setBaselineCaps5Total(enrollment.baselineCaps5Total())
                .setBaselineAt(enrollment.baselineAt())
                .setPregnancyTestRequired(enrollment.pregnancyTestRequired())
                .build());
    }

    public UUID journeyWithdrawn(String journeyId, ProtocolRef protocol, UUID cause, WithdrawalCommand withdrawal) {
        return publish(journeyId, JourneyWithdrawn.newBuilder()
                .setEnvelope(envelope(journeyId, withdrawal.occurredAt(), protocol, cause))
                .setReason(withdrawal.reason())
                .build());
    }

    private Envelope envelope(String journeyId, Instant occurredAt, ProtocolRef protocol, UUID cause) {
        return envelope(journeyId, occurredAt, protocol, cause == null ? null : cause.toString());
    }

    private Envelope envelope(String journeyId, Instant occurredAt, ProtocolRef protocol, String cause) {
        return envelopes.next(journeyId, occurredAt, protocol, journeyId, cause);
    }

    private UUID publish(String journeyId, SpecificRecord event) {
        outbox.publish(Topic.INTAKE, journeyId, event);
        return Events.envelopeOf(event).getEventId();
    }
}
