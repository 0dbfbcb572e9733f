package io.waypoint.intake.messaging;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.frontdesk.PatientDetailsUpdated;
import io.waypoint.events.frontdesk.ReferralReceived;
import io.waypoint.intake.journey.Identifiers;
import io.waypoint.intake.journey.NewReferral;
import io.waypoint.intake.journey.PatientDetailsUpdate;
import io.waypoint.intake.workflow.IntakeWorkflow;
import io.waypoint.platform.inbox.Inbox;
import io.waypoint.platform.messaging.NonRetryableEventException;
import io.waypoint.platform.problem.RuleViolationException;
import io.waypoint.schemas.Events;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals and demographic corrections from front-desk systems ({@code waypoint.frontdesk.v1}). A redelivered
 * record (same eventId) is skipped by the inbox; a second referral with a known referral id opens no second
 * journey. A record that can never be applied goes to the dead-letter topic at once, among them one whose referral
 * or site id is not a code (they are published and logged); error messages name fields, never their values.
 */
@Component
public class FrontdeskListener {

    static final String CONSUMER = "intake-service";

    private final IntakeWorkflow workflow;
    private final Inbox inbox;

    public FrontdeskListener(IntakeWorkflow workflow, Inbox inbox) {
        this.workflow = workflow;
        this.inbox = inbox;
    }

    @KafkaListener(topics = "#{T(io.waypoint.schemas.Topic).FRONTDESK.topicName()}", groupId = CONSUMER)
    @Transactional
    public void on(SpecificRecord event) {
        Envelope envelope = Events.envelopeOf(event);
        if (!inbox.firstDelivery(envelope.getEventId(), CONSUMER)) {
            return;
        }
        switch (event) {
            case ReferralReceived referral -> refer(referral, envelope);
            case PatientDetailsUpdated update -> update(update);
            default -> throw new NonRetryableEventException(
                    Events.type(event) + " does not belong on the front-desk referral topic");
        }
    }

    private void refer(ReferralReceived referral, Envelope envelope) {
        requireCode("ReferralReceived", "referralId", referral.getReferralId());
        requireCode("ReferralReceived", "siteId", referral.getSiteId());
        if (referral.getGivenName().isBlank() || referral.getFamilyName().isBlank()) {
            throw new NonRetryableEventException("Referral " + referral.getReferralId() + " lacks a name");
        }
        try {
            workflow.refer(new NewReferral(referral.getReferralId(), referral.getSiteId(), referral.getGivenName(),
                    referral.getFamilyName(), referral.getBirthDate(), referral.getEmail(), referral.getPhone(),
                    referral.getReferrerName(), referral.getReferrerOrganisation(), referral.getReferralNote(),
                    envelope.getOccurredAt()), envelope.getEventId().toString());
        } catch (RuleViolationException e) {
            throw new NonRetryableEventException("Referral " + referral.getReferralId() + " refused: " + e.slug(), e);
        }
    }

    private void update(PatientDetailsUpdated update) {
        requireCode("PatientDetailsUpdated", "referralId", update.getReferralId());
        boolean updated = workflow.updateDetails(new PatientDetailsUpdate(update.getReferralId(),
                update.getGivenName(), update.getFamilyName(), update.getBirthDate(), update.getEmail(),
                update.getPhone()));
        if (!updated) {
            throw new NonRetryableEventException("No journey for referral " + update.getReferralId());
        }
    }

    /**
     * Identifiers are published and logged, so they must be codes. The message names the field, never the value:
     * a value that is not a code may be anything, a patient's name included.
     */
    private static void requireCode(String type, String field, String value) {
        if (!Identifiers.isCode(value)) {
            throw new NonRetryableEventException(type + " refused: its " + field + " is not a code ("
                    + Identifiers.MESSAGE + ")");
        }
    }
}
