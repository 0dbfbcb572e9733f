package io.waypoint.intake.messaging;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.frontdesk.PatientDetailsUpdated;
import io.waypoint.events.frontdesk.ReferralReceived;
import io.waypoint.intake.app.IntakeWorkflow;
import io.waypoint.intake.journey.Identifiers;
import io.waypoint.intake.journey.NewReferral;
import io.waypoint.intake.journey.PatientDetailsUpdate;
import io.waypoint.platform.events.Cause;
import io.waypoint.platform.messaging.EventBindings;
import io.waypoint.platform.messaging.NonRetryableEventException;
import io.waypoint.schemas.Events;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Referrals and demographic corrections from front-desk systems: the {@code frontdesk} binding
 * ({@code frontdesk-in-0} on {@code waypoint.frontdesk.v1}, group {@code intake-service}). The platform skips a
 * redelivered record (same eventId) and applies each poll in one transaction (a failing record alone is retried
 * or dead-lettered, see EventBindings); a second referral with a known referral id opens no second journey. A record that can never be applied goes to the dead-letter topic at once,
 * among them one whose referral or site id is not a code (they are published and logged); error messages name
 * fields, never their values.
 */
@Configuration(proxyBeanMethods = false)
class FrontdeskBinding {

    @Bean
    Consumer<Message<List<byte[]>>> frontdesk(EventBindings bindings, IntakeWorkflow workflow) {
        return bindings.consumer(in -> {
            switch (in.event()) {
                case ReferralReceived referral -> workflow.refer(toReferral(referral, in.envelope()), in.cause());
                case PatientDetailsUpdated update -> {
                    if (!workflow.updateDetails(toUpdate(update))) {
                        throw new NonRetryableEventException("No journey for referral " + update.getReferralId());
                    }
                }
                default -> throw new NonRetryableEventException(
                        Events.type(in.event()) + " does not belong on the front-desk referral topic");
            }
        });
    }

    /** The referral as it happened at the front desk; its events name the record as their {@link Cause}. */
    private static NewReferral toReferral(ReferralReceived referral, Envelope envelope) {
        requireCode("ReferralReceived", "referralId", referral.getReferralId());
        requireCode("ReferralReceived", "siteId", referral.getSiteId());
        if (referral.getGivenName().isBlank() || referral.getFamilyName().isBlank()) {
            throw new NonRetryableEventException("Referral " + referral.getReferralId() + " lacks a name");
        }
        return new NewReferral(referral.getReferralId(), referral.getSiteId(), referral.getGivenName(),
                referral.getFamilyName(), referral.getBirthDate(), referral.getEmail(), referral.getPhone(),
                referral.getReferrerName(), referral.getReferrerOrganisation(), referral.getReferralNote(),
                envelope.getOccurredAt());
    }

    private static PatientDetailsUpdate toUpdate(PatientDetailsUpdated update) {
        requireCode("PatientDetailsUpdated", "referralId", update.getReferralId());
        return new PatientDetailsUpdate(update.getReferralId(), update.getGivenName(), update.getFamilyName(),
                update.getBirthDate(), update.getEmail(), update.getPhone());
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
