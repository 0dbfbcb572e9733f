package io.waypoint.followup.care;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.intake.ConsentRecorded;
import io.waypoint.events.intake.EligibilityDetermined;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.events.intake.ScreeningRecorded;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DoseKind;
import io.waypoint.events.scheduling.DosingSessionCompleted;
import io.waypoint.events.scheduling.SessionCancelled;
import io.waypoint.events.scheduling.SessionCheckedIn;
import io.waypoint.events.scheduling.SessionCompleted;
import io.waypoint.events.scheduling.SessionKind;
import io.waypoint.events.scheduling.SessionMissed;
import io.waypoint.events.scheduling.SessionRescheduled;
import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.followup.journey.JourneyStage;
import io.waypoint.followup.journey.JourneyStage.Phase;
import io.waypoint.followup.journey.StageRules;
import io.waypoint.followup.journey.StageState;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.obligation.AssessmentObligation;
import io.waypoint.followup.obligation.AssessmentObligation.Anchor;
import io.waypoint.followup.obligation.ObligationPolicy;
import io.waypoint.followup.protocol.FollowupProtocol;
import io.waypoint.followup.protocol.Protocols;
import io.waypoint.followup.store.AppointmentStore;
import io.waypoint.followup.store.JourneyRow;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.followup.store.ProgressStore;
import io.waypoint.schemas.Events;
import java.time.Clock;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows a journey through the events of intake and scheduling: its stage, care team, sessions and doses, and the
 * obligations they open and meet. Runs in the consuming transaction, with the journey's row locked.
 */
@Service
public class CourseTracker {

    private final JourneyStore journeys;
    private final ProgressStore progress;
    private final AppointmentStore appointments;
    private final ObligationTracker obligations;
    private final JourneyProgression progression;
    private final Notifier notifier;
    private final Protocols protocols;
    private final Clock clock;

    public CourseTracker(JourneyStore journeys, ProgressStore progress, AppointmentStore appointments,
                         ObligationTracker obligations, JourneyProgression progression, Notifier notifier,
                         Protocols protocols, Clock clock) {
        this.journeys = journeys;
        this.progress = progress;
        this.appointments = appointments;
        this.obligations = obligations;
        this.progression = progression;
        this.notifier = notifier;
        this.protocols = protocols;
        this.clock = clock;
    }

    /** Applies one event of a journey; events that change nothing here (vitals, checks) are left alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(SpecificRecord event) {
        Envelope envelope = Events.envelopeOf(event);
        String journeyId = envelope.getJourneyId();
        JourneyRow journey = journeys.lockOrCreate(journeyId, envelope.getProtocol(), clock.instant());
        Instant at = envelope.getOccurredAt();
        switch (event) {
            case PatientReferred e -> progression.reach(journeyId, JourneyStage.of(Phase.REFERRED), at);
            case ScreeningRecorded e -> progression.reach(journeyId, JourneyStage.of(Phase.SCREENING), at);
            case EligibilityDetermined e -> progression.reach(journeyId,
                    JourneyStage.of(e.getEligible() ? Phase.ELIGIBLE : Phase.INELIGIBLE), at);
            case ConsentRecorded e -> progression.reach(journeyId, JourneyStage.of(Phase.CONSENTED), at);
            case PatientEnrolled e -> enrolled(journey, e);
            case JourneyWithdrawn e -> withdrawn(journeyId, at);
            case CareTeamAssigned e -> careTeamAssigned(journey, e);
            case SessionScheduled e -> appointments.scheduled(e.getAppointmentId(), journeyId, e.getKind().name(),
                    e.getSequence(), e.getDosingNumber(), e.getStart(), e.getEnd(), e.getTherapistIds());
            case SessionRescheduled e -> appointments.rescheduled(e.getAppointmentId(), e.getStart(), e.getEnd());
            case SessionCancelled e -> appointments.status(e.getAppointmentId(), "CANCELLED");
            case SessionMissed e -> appointments.status(e.getAppointmentId(), "MISSED");
            case SessionCheckedIn e -> {
                appointments.checkedIn(e.getAppointmentId(), at);
                if (e.getKind() == SessionKind.PREPARATORY) {
                    progression.reach(journeyId, JourneyStage.of(Phase.PREPARATION), at);
                }
            }
            case SessionCompleted e -> sessionCompleted(journey, e);
            case DoseAdministered e -> doseAdministered(journey, e);
            case DosingSessionCompleted e -> dosingCompleted(journey, e);
            default -> {
            }
        }
    }

    /** A withdrawn journey owes nothing more: its unmet obligations are cancelled (never escalated). */
    private void withdrawn(String journeyId, Instant at) {
        StageState state = progression.changeStage(journeyId, s -> StageRules.withdraw(s, at));
        if (state.stage() != null && state.stage().phase() == Phase.WITHDRAWN) {
            obligations.cancelUnmet(journeyId, at);
        }
    }

    private void enrolled(JourneyRow journey, PatientEnrolled event) {
        Envelope envelope = event.getEnvelope();
        String journeyId = journey.journeyId();
        if (envelope.getProtocol() != null) {
            journeys.setProtocol(journeyId, envelope.getProtocol());
        }
        journeys.setBaseline(journeyId, event.getBaselineAt());
        progression.reach(journeyId, JourneyStage.of(Phase.ENROLLED), envelope.getOccurredAt());
        JourneyRow enrolled = journeys.get(journeyId);
        openAssessmentObligations(enrolled, protocolOf(enrolled), Anchor.BASELINE, event.getBaselineAt(), envelope);
    }

    private void careTeamAssigned(JourneyRow journey, CareTeamAssigned event) {
        journeys.setCareTeam(journey.journeyId(), event.getLeadTherapistId(), event.getCoTherapistId());
        JourneyRow assigned = journeys.get(journey.journeyId());
        notifier.notify(assigned, assigned.careTeam(), NotificationKind.CARE_TEAM_ASSIGNED, Priority.ROUTINE,
                NotificationTitles.careTeamAssigned(journey.journeyId()), null, null, event.getEnvelope());
    }

    private void doseAdministered(JourneyRow journey, DoseAdministered event) {
        Envelope envelope = event.getEnvelope();
        Instant doseAt = envelope.getOccurredAt();
        journeys.noteDose(journey.journeyId(), doseAt);
        if (event.getDoseKind() != DoseKind.INITIAL) {
            return;
        }
        int dosingNumber = event.getDosingNumber();
        progression.reach(journey.journeyId(), JourneyStage.dosing(dosingNumber), doseAt);
        ObligationPolicy policy = protocolOf(journey).obligations();
        obligations.open(journey, policy.firstIntegrationKind(), dosingNumber, policy.firstIntegrationDue(doseAt),
                envelope);
        // the first integration session may already be known (events replayed or backfilled)
        progress.integrationHeldFrom(journey.journeyId(), dosingNumber, 1).ifPresent(metAt ->
                obligations.meet(journey, policy.firstIntegrationKind(), dosingNumber, metAt, envelope));
    }

    private void sessionCompleted(JourneyRow journey, SessionCompleted event) {
        Envelope envelope = event.getEnvelope();
        Instant at = envelope.getOccurredAt();
        // the session counts from when it was held (check-in), not from when its record was closed
        Instant heldFrom = appointments.heldFrom(event.getAppointmentId()).filter(h -> !h.isAfter(at)).orElse(at);
        appointments.status(event.getAppointmentId(), "COMPLETED");
        if (event.getKind() == SessionKind.PREPARATORY) {
            progression.reach(journey.journeyId(), JourneyStage.of(Phase.PREPARATION), at);
        }
        if (event.getKind() != SessionKind.INTEGRATION || event.getDosingNumber() == null) {
            return;
        }
        int dosingNumber = event.getDosingNumber();
        FollowupProtocol protocol = protocolOf(journey);
        progress.integrationCompleted(journey.journeyId(), dosingNumber, event.getSequence(), heldFrom, at);
        progression.reach(journey.journeyId(), JourneyStage.integration(dosingNumber), at);
        if (protocol.obligations().meetsFirstIntegration(event.getSequence())) {
            obligations.meet(journey, protocol.obligations().firstIntegrationKind(), dosingNumber, heldFrom, envelope);
        }
        progression.afterProgress(journey.journeyId(), protocol, envelope, at);
    }

    private void dosingCompleted(JourneyRow journey, DosingSessionCompleted event) {
        Envelope envelope = event.getEnvelope();
        Instant at = envelope.getOccurredAt();
        int dosingNumber = event.getDosingNumber();
        FollowupProtocol protocol = protocolOf(journey);
        appointments.status(event.getAppointmentId(), "COMPLETED");
        progress.dosingCompleted(journey.journeyId(), dosingNumber, at);
        progression.reach(journey.journeyId(), JourneyStage.integration(dosingNumber), at);
        notifier.notify(journey, journey.careTeam(), NotificationKind.DOSE_COMPLETED, Priority.ROUTINE,
                NotificationTitles.doseCompleted(journey.journeyId(), dosingNumber), event.getAppointmentId(), null,
                envelope);
        if (protocol.completion().isLastDosing(dosingNumber)) {
            JourneyRow current = journeys.get(journey.journeyId());
            Instant lastDose = current.lastDoseAt() != null ? current.lastDoseAt() : event.getDischargedAt();
            openAssessmentObligations(current, protocol, Anchor.LAST_DOSE, lastDose, envelope);
        }
        progression.afterProgress(journey.journeyId(), protocol, envelope, at);
    }

    private void openAssessmentObligations(JourneyRow journey, FollowupProtocol protocol, Anchor anchor,
                                           Instant anchorAt, Envelope cause) {
        for (AssessmentObligation obligation : protocol.obligations().anchoredAt(anchor)) {
            obligations.open(journey, obligation.kind(), 0, obligation.dueAt(anchorAt), cause);
            progress.firstAssessmentAt(journey.journeyId(), obligation.instrument(), obligation.timepoint())
                    .ifPresent(metAt -> obligations.meet(journey, obligation.kind(), 0, metAt, cause));
        }
    }

    private FollowupProtocol protocolOf(JourneyRow journey) {
        return protocols.forJourney(journey.protocolProfile());
    }
}
