package io.waypoint.followup.app;

import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.journey.JourneyFact;
import io.waypoint.followup.journey.JourneyStage;
import io.waypoint.followup.journey.JourneyStage.Phase;
import io.waypoint.followup.journey.SessionKind;
import io.waypoint.followup.journey.StageRules;
import io.waypoint.followup.journey.StageState;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.obligation.AssessmentObligation;
import io.waypoint.followup.obligation.AssessmentObligation.Anchor;
import io.waypoint.followup.obligation.ObligationPolicy;
import io.waypoint.followup.protocol.FollowupProtocol;
import io.waypoint.followup.store.AppointmentStore;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.followup.store.ProgressStore;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows a journey through the facts of intake and scheduling: its stage, care team, sessions and doses, and the
 * obligations they open and meet. Runs in the transaction that handles the consumed event, with the journey's row
 * locked; everything it writes names that event as its cause.
 */
@Service
public class CourseTracker {

    private final JourneyStore journeys;
    private final ProgressStore progress;
    private final AppointmentStore appointments;
    private final ObligationTracker obligations;
    private final JourneyProgression progression;
    private final Notifier notifier;
    private final JourneyProtocols protocols;
    private final Clock clock;

    CourseTracker(JourneyStore journeys, ProgressStore progress, AppointmentStore appointments,
                  ObligationTracker obligations, JourneyProgression progression, Notifier notifier,
                  JourneyProtocols protocols, Clock clock) {
        this.journeys = journeys;
        this.progress = progress;
        this.appointments = appointments;
        this.obligations = obligations;
        this.progression = progression;
        this.notifier = notifier;
        this.protocols = protocols;
        this.clock = clock;
    }

    /**
     * Applies one fact of a journey, creating the journey on first sight; facts that change nothing here
     * ({@link JourneyFact.Seen}: vitals, checks, front-desk visits) only make the journey known.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(Observed observed, JourneyFact fact) {
        String journeyId = observed.journeyId();
        Journey journey = journeys.lockOrCreate(journeyId, observed.protocol(), clock.instant());
        Instant at = observed.occurredAt();
        switch (fact) {
            case JourneyFact.Referred f -> progression.reach(journeyId, JourneyStage.of(Phase.REFERRED), at);
            case JourneyFact.Screened f -> progression.reach(journeyId, JourneyStage.of(Phase.SCREENING), at);
            case JourneyFact.EligibilityDetermined f -> progression.reach(journeyId,
                    JourneyStage.of(f.eligible() ? Phase.ELIGIBLE : Phase.INELIGIBLE), at);
            case JourneyFact.Consented f -> progression.reach(journeyId, JourneyStage.of(Phase.CONSENTED), at);
            case JourneyFact.Enrolled f -> enrolled(journey, f, observed);
            case JourneyFact.Withdrawn f -> withdrawn(journeyId, at);
            case JourneyFact.CareTeamAssigned f -> careTeamAssigned(journey, f, observed);
            case JourneyFact.SessionScheduled f -> appointments.scheduled(f.appointmentId(), journeyId,
                    f.kind().name(), f.sequence(), f.dosingNumber(), f.start(), f.end(), f.therapistIds());
            case JourneyFact.SessionRescheduled f -> appointments.rescheduled(f.appointmentId(), f.start(), f.end());
            case JourneyFact.SessionCancelled f -> appointments.status(f.appointmentId(), "CANCELLED");
            case JourneyFact.SessionMissed f -> appointments.status(f.appointmentId(), "MISSED");
            case JourneyFact.SessionCheckedIn f -> {
                appointments.checkedIn(f.appointmentId(), at);
                if (f.kind() == SessionKind.PREPARATORY) {
                    progression.reach(journeyId, JourneyStage.of(Phase.PREPARATION), at);
                }
            }
            case JourneyFact.SessionCompleted f -> sessionCompleted(journey, f, observed);
            case JourneyFact.DoseAdministered f -> doseAdministered(journey, f, observed);
            case JourneyFact.DosingSessionCompleted f -> dosingCompleted(journey, f, observed);
            case JourneyFact.Seen f -> {
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

    private void enrolled(Journey journey, JourneyFact.Enrolled fact, Observed observed) {
        String journeyId = journey.journeyId();
        if (observed.protocol() != null) {
            journeys.setProtocol(journeyId, observed.protocol());
        }
        journeys.setBaseline(journeyId, fact.baselineAt());
        progression.reach(journeyId, JourneyStage.of(Phase.ENROLLED), observed.occurredAt());
        Journey enrolled = journeys.get(journeyId);
        openAssessmentObligations(enrolled, protocols.of(enrolled), Anchor.BASELINE, fact.baselineAt(), observed);
    }

    private void careTeamAssigned(Journey journey, JourneyFact.CareTeamAssigned fact, Observed observed) {
        journeys.setCareTeam(journey.journeyId(), fact.leadTherapistId(), fact.coTherapistId());
        Journey assigned = journeys.get(journey.journeyId());
        notifier.notify(assigned, assigned.careTeam(), NotificationKind.CARE_TEAM_ASSIGNED, Priority.ROUTINE,
                NotificationTitles.careTeamAssigned(journey.journeyId()), null, null, observed.cause());
    }

    private void doseAdministered(Journey journey, JourneyFact.DoseAdministered fact, Observed observed) {
        Instant doseAt = observed.occurredAt();
        journeys.noteDose(journey.journeyId(), doseAt);
        if (!fact.initial()) {
            return;
        }
        int dosingNumber = fact.dosingNumber();
        progression.reach(journey.journeyId(), JourneyStage.dosing(dosingNumber), doseAt);
        ObligationPolicy policy = protocols.of(journey).obligations();
        obligations.open(journey, policy.firstIntegrationKind(), dosingNumber, policy.firstIntegrationDue(doseAt),
                observed);
        // the first integration session may already be known (events replayed or backfilled)
        progress.integrationHeldFrom(journey.journeyId(), dosingNumber, 1).ifPresent(metAt ->
                obligations.meet(journey, policy.firstIntegrationKind(), dosingNumber, metAt, observed.cause()));
    }

    private void sessionCompleted(Journey journey, JourneyFact.SessionCompleted fact, Observed observed) {
        Instant at = observed.occurredAt();
        // the session counts from when it was held (check-in), not from when its record was closed
        Instant heldFrom = appointments.heldFrom(fact.appointmentId()).filter(h -> !h.isAfter(at)).orElse(at);
        appointments.status(fact.appointmentId(), "COMPLETED");
        if (fact.kind() == SessionKind.PREPARATORY) {
            progression.reach(journey.journeyId(), JourneyStage.of(Phase.PREPARATION), at);
        }
        if (fact.kind() != SessionKind.INTEGRATION || fact.dosingNumber() == null) {
            return;
        }
        int dosingNumber = fact.dosingNumber();
        FollowupProtocol protocol = protocols.of(journey);
        progress.integrationCompleted(journey.journeyId(), dosingNumber, fact.sequence(), heldFrom, at);
        progression.reach(journey.journeyId(), JourneyStage.integration(dosingNumber), at);
        if (protocol.obligations().meetsFirstIntegration(fact.sequence())) {
            obligations.meet(journey, protocol.obligations().firstIntegrationKind(), dosingNumber, heldFrom,
                    observed.cause());
        }
        progression.afterProgress(journey.journeyId(), protocol, observed.cause(), at);
    }

    private void dosingCompleted(Journey journey, JourneyFact.DosingSessionCompleted fact, Observed observed) {
        Instant at = observed.occurredAt();
        int dosingNumber = fact.dosingNumber();
        FollowupProtocol protocol = protocols.of(journey);
        appointments.status(fact.appointmentId(), "COMPLETED");
        progress.dosingCompleted(journey.journeyId(), dosingNumber, at);
        progression.reach(journey.journeyId(), JourneyStage.integration(dosingNumber), at);
        notifier.notify(journey, journey.careTeam(), NotificationKind.DOSE_COMPLETED, Priority.ROUTINE,
                NotificationTitles.doseCompleted(journey.journeyId(), dosingNumber), fact.appointmentId(), null,
                observed.cause());
        if (protocol.completion().isLastDosing(dosingNumber)) {
            Journey current = journeys.get(journey.journeyId());
            Instant lastDose = current.lastDoseAt() != null ? current.lastDoseAt() : fact.dischargedAt();
            openAssessmentObligations(current, protocol, Anchor.LAST_DOSE, lastDose, observed);
        }
        progression.afterProgress(journey.journeyId(), protocol, observed.cause(), at);
    }

    private void openAssessmentObligations(Journey journey, FollowupProtocol protocol, Anchor anchor,
                                           Instant anchorAt, Observed observed) {
        for (AssessmentObligation obligation : protocol.obligations().anchoredAt(anchor)) {
            obligations.open(journey, obligation.kind(), 0, obligation.dueAt(anchorAt), observed);
            progress.firstAssessmentAt(journey.journeyId(), obligation.instrument(), obligation.timepoint())
                    .ifPresent(metAt -> obligations.meet(journey, obligation.kind(), 0, metAt, observed.cause()));
        }
    }
}
