package io.waypoint.followup.app;

import io.waypoint.followup.assessment.AssessmentPolicy;
import io.waypoint.followup.events.FollowupEvents;
import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.journey.JourneyStage;
import io.waypoint.followup.journey.JourneyStage.Phase;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.obligation.AssessmentObligation;
import io.waypoint.followup.protocol.FollowupProtocol;
import io.waypoint.followup.store.CareRecordStore;
import io.waypoint.followup.store.CareRecordStore.SafetyHoldRow;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.platform.events.Cause;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.platform.rules.Violation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What clinicians record here: daily check-ins, adverse events (favourable ones too), outcome assessments, and the
 * release of a safety hold. Each command stores its record and announces it in one transaction; a rejected
 * command stores and emits nothing. A REST command is caused by no event: what it writes names no cause.
 */
@Service
public class CareCommands {

    private final JourneyStore journeys;
    private final CareRecordStore records;
    private final FollowupEvents events;
    private final ObligationTracker obligations;
    private final JourneyProgression progression;
    private final SafetyHolds holds;
    private final Notifier notifier;
    private final JourneyProtocols protocols;

    CareCommands(JourneyStore journeys, CareRecordStore records, FollowupEvents events, ObligationTracker obligations,
                 JourneyProgression progression, SafetyHolds holds, Notifier notifier, JourneyProtocols protocols) {
        this.journeys = journeys;
        this.records = records;
        this.events = events;
        this.obligations = obligations;
        this.progression = progression;
        this.holds = holds;
        this.notifier = notifier;
        this.protocols = protocols;
    }

    /** Times are kept to the millisecond, the precision of the events that announce them. */
    public record CheckIn(Integer dosingNumber, Integer dayNumber, Integer phq9Item9, boolean cssrsPositive,
                          boolean concernRaised, Instant occurredAt) {
        public CheckIn {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public record AdverseEvent(String term, String severity, boolean serious, boolean favourable, Instant onsetAt,
                               Integer dosingNumber, Instant occurredAt) {
        public AdverseEvent {
            onsetAt = onsetAt.truncatedTo(ChronoUnit.MILLIS);
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public record Assessment(String instrument, String timepoint, int score, String raterId, Instant occurredAt) {
        public Assessment {
            occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** {@code safetyReasons}: what this record triggered; {@code safetyHoldPlaced}: a new hold was placed. */
    public record Recorded(String id, List<String> safetyReasons, boolean safetyHoldPlaced) {
    }

    public record AssessmentRecorded(String assessmentId, boolean raterIndependent) {
    }

    public record HoldReleased(String holdId, String reason, Instant placedAt, String releasedBy, Instant releasedAt,
                               String stage) {
    }

    @Transactional
    public Recorded recordCheckIn(String journeyId, CheckIn command) {
        Journey journey = lockJourney(journeyId);
        FollowupProtocol protocol = protocols.of(journey);
        Cause cause = Cause.command();
        String checkInId = UUID.randomUUID().toString();
        records.checkIn(checkInId, journeyId, command.dosingNumber(), command.dayNumber(), command.phq9Item9(),
                command.cssrsPositive(), command.concernRaised(), command.occurredAt());
        events.checkInRecorded(journey, command.occurredAt(), cause, new FollowupEvents.CheckIn(checkInId,
                command.dosingNumber(), command.dayNumber(), command.phq9Item9(), command.cssrsPositive(),
                command.concernRaised()));
        List<String> reasons = protocol.safety().checkInReasons(command.phq9Item9(), command.cssrsPositive());
        boolean placed = !reasons.isEmpty()
                && holds.signal(journey, String.join(",", reasons), cause, command.occurredAt());
        return new Recorded(checkInId, reasons, placed);
    }

    @Transactional
    public Recorded reportAdverseEvent(String journeyId, AdverseEvent command) {
        Journey journey = lockJourney(journeyId);
        FollowupProtocol protocol = protocols.of(journey);
        Cause cause = Cause.command();
        String adverseEventId = UUID.randomUUID().toString();
        records.adverseEvent(adverseEventId, journeyId, command.term(), command.severity(), command.serious(),
                command.favourable(), command.onsetAt(), command.dosingNumber(), command.occurredAt());
        events.adverseEventReported(journey, command.occurredAt(), cause, new FollowupEvents.AdverseEvent(
                adverseEventId, command.term(), command.severity(), command.serious(), command.favourable(),
                command.onsetAt(), command.dosingNumber()));
        notifier.notify(journey, journey.careTeam(), NotificationKind.ADVERSE_EVENT,
                command.serious() ? Priority.URGENT : Priority.ROUTINE,
                NotificationTitles.adverseEvent(journeyId, command.serious()), null, null, cause);
        List<String> reasons = protocol.safety().adverseEventReason(command.serious()).stream().toList();
        boolean placed = !reasons.isEmpty()
                && holds.signal(journey, reasons.getFirst(), cause, command.occurredAt());
        return new Recorded(adverseEventId, reasons, placed);
    }

    @Transactional
    public AssessmentRecorded recordAssessment(String journeyId, Assessment command) {
        Journey journey = lockJourney(journeyId);
        FollowupProtocol protocol = protocols.of(journey);
        AssessmentPolicy policy = protocol.assessments();
        Violation.enforce(policy.checkScore(command.instrument(), command.score()));
        boolean independent = AssessmentPolicy.raterIndependent(command.raterId(), journey.careTeam());
        Violation.enforce(policy.checkRater(command.instrument(), command.timepoint(), independent));
        Cause cause = Cause.command();
        String assessmentId = UUID.randomUUID().toString();
        records.assessment(assessmentId, journeyId, command.instrument(), command.timepoint(), command.score(),
                command.raterId(), independent, command.occurredAt());
        events.assessmentRecorded(journey, command.occurredAt(), cause, new FollowupEvents.Assessment(assessmentId,
                command.instrument(), command.timepoint(), command.score(), command.raterId(), independent));
        for (AssessmentObligation obligation : protocol.obligations().metBy(command.instrument(), command.timepoint())) {
            obligations.meet(journey, obligation.kind(), 0, command.occurredAt(), cause);
        }
        if (protocol.completion().finalInstrument().equals(command.instrument())
                && protocol.completion().finalTimepoints().contains(command.timepoint())) {
            progression.reach(journeyId, JourneyStage.of(Phase.LONG_TERM_FOLLOWUP), command.occurredAt());
        }
        progression.afterProgress(journeyId, protocol, cause, command.occurredAt());
        return new AssessmentRecorded(assessmentId, independent);
    }

    @Transactional
    public HoldReleased releaseSafetyHold(String journeyId, String releasedBy, Instant occurredAt) {
        Journey journey = lockJourney(journeyId);
        Instant at = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        SafetyHoldRow released = holds.release(journey, releasedBy, at, Cause.command());
        JourneyStage stage = journeys.get(journeyId).stage();
        return new HoldReleased(released.holdId(), released.reason(), released.placedAt(), releasedBy, at,
                stage == null ? null : stage.name());
    }

    private Journey lockJourney(String journeyId) {
        return journeys.lock(journeyId).orElseThrow(() -> new NotFoundException("journey", journeyId));
    }
}
