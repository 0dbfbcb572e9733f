package io.waypoint.followup.care;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.followup.AdverseEventReported;
import io.waypoint.events.followup.AdverseEventSeverity;
import io.waypoint.events.followup.CheckInRecorded;
import io.waypoint.events.followup.Instrument;
import io.waypoint.events.followup.OutcomeAssessmentRecorded;
import io.waypoint.followup.assessment.AssessmentPolicy;
import io.waypoint.followup.journey.JourneyStage;
import io.waypoint.followup.journey.JourneyStage.Phase;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.obligation.AssessmentObligation;
import io.waypoint.followup.protocol.FollowupProtocol;
import io.waypoint.followup.protocol.Protocols;
import io.waypoint.followup.store.CareRecordStore;
import io.waypoint.followup.store.CareRecordStore.SafetyHoldRow;
import io.waypoint.followup.store.JourneyRow;
import io.waypoint.followup.store.JourneyStore;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.platform.problem.RuleViolationException;
import io.waypoint.schemas.Topic;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What clinicians record here: daily check-ins, adverse events (favourable ones too), outcome assessments, and the
 * release of a safety hold. Each command stores its record and announces it in one transaction; a rejected
 * command stores and emits nothing.
 */
@Service
public class CareCommands {

    private final JourneyStore journeys;
    private final CareRecordStore records;
    private final Outbox outbox;
    private final JourneyEnvelopes envelopes;
    private final ObligationTracker obligations;
    private final JourneyProgression progression;
    private final SafetyHolds holds;
    private final Notifier notifier;
    private final Protocols protocols;

    public CareCommands(JourneyStore journeys, CareRecordStore records, Outbox outbox, JourneyEnvelopes envelopes,
                        ObligationTracker obligations, JourneyProgression progression, SafetyHolds holds,
                        Notifier notifier, Protocols protocols) {
        this.journeys = journeys;
        this.records = records;
        this.outbox = outbox;
        this.envelopes = envelopes;
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
        JourneyRow journey = lockJourney(journeyId);
        FollowupProtocol protocol = protocolOf(journey);
        String checkInId = UUID.randomUUID().toString();
        records.checkIn(checkInId, journeyId, command.dosingNumber(), command.dayNumber(), command.phq9Item9(),
                command.cssrsPositive(), command.concernRaised(), command.occurredAt());
        Envelope envelope = envelopes.fresh(journey, command.occurredAt());
        outbox.publish(Topic.FOLLOWUP, journeyId, CheckInRecorded.newBuilder()
                .setEnvelope(envelope)
                .setCheckInId(checkInId)
                .setDosingNumber(command.dosingNumber())
                .setDayNumber(command.dayNumber())
                .setPhq9Item9(command.phq9Item9())
                .setCssrsPositive(command.cssrsPositive())
                .setConcernRaised(command.concernRaised())
                .build());
        List<String> reasons = protocol.safety().checkInReasons(command.phq9Item9(), command.cssrsPositive());
        boolean placed = !reasons.isEmpty()
                && holds.signal(journey, String.join(",", reasons), envelope, command.occurredAt());
        return new Recorded(checkInId, reasons, placed);
    }

    @Transactional
    public Recorded reportAdverseEvent(String journeyId, AdverseEvent command) {
        JourneyRow journey = lockJourney(journeyId);
        FollowupProtocol protocol = protocolOf(journey);
        String adverseEventId = UUID.randomUUID().toString();
        records.adverseEvent(adverseEventId, journeyId, command.term(), command.severity(), command.serious(),
                command.favourable(), command.onsetAt(), command.dosingNumber(), command.occurredAt());
        Envelope envelope = envelopes.fresh(journey, command.occurredAt());
        outbox.publish(Topic.FOLLOWUP, journeyId, AdverseEventReported.newBuilder()
                .setEnvelope(envelope)
                .setAdverseEventId(adverseEventId)
                .setTerm(command.term())
                .setSeverity(AdverseEventSeverity.valueOf(command.severity()))
                .setSerious(command.serious())
                .setFavourable(command.favourable())
                .setOnsetAt(command.onsetAt())
                .setDosingNumber(command.dosingNumber())
                .build());
        notifier.notify(journey, journey.careTeam(), NotificationKind.ADVERSE_EVENT,
                command.serious() ? Priority.URGENT : Priority.ROUTINE,
                NotificationTitles.adverseEvent(journeyId, command.serious()), null, null, envelope);
        List<String> reasons = protocol.safety().adverseEventReason(command.serious()).stream().toList();
        boolean placed = !reasons.isEmpty()
                && holds.signal(journey, reasons.getFirst(), envelope, command.occurredAt());
        return new Recorded(adverseEventId, reasons, placed);
    }

    @Transactional
    public AssessmentRecorded recordAssessment(String journeyId, Assessment command) {
        JourneyRow journey = lockJourney(journeyId);
        FollowupProtocol protocol = protocolOf(journey);
        AssessmentPolicy policy = protocol.assessments();
        if (!policy.scoreInRange(command.instrument(), command.score())) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("instrument", command.instrument());
            params.put("score", command.score());
            params.put("minScore", 0);
            policy.maxScore(command.instrument()).ifPresent(max -> params.put("maxScore", max));
            throw new RuleViolationException("score-out-of-range", "Score out of the instrument's range",
                    "A " + command.instrument() + " score must lie within the instrument's range.", params);
        }
        boolean independent = AssessmentPolicy.raterIndependent(command.raterId(), journey.careTeam());
        if (!independent && policy.requiresIndependentRater(command.instrument(), command.timepoint())) {
            throw new RuleViolationException("rater-not-independent", "Rater is on the care team",
                    "The " + command.instrument() + " assessment at " + command.timepoint()
                            + " must be rated by someone outside the journey's care team.",
                    Map.of("instrument", command.instrument(), "timepoint", command.timepoint()));
        }
        String assessmentId = UUID.randomUUID().toString();
        records.assessment(assessmentId, journeyId, command.instrument(), command.timepoint(), command.score(),
                command.raterId(), independent, command.occurredAt());
        Envelope envelope = envelopes.fresh(journey, command.occurredAt());
        outbox.publish(Topic.FOLLOWUP, journeyId, OutcomeAssessmentRecorded.newBuilder()
                .setEnvelope(envelope)
                .setAssessmentId(assessmentId)
                .setInstrument(Instrument.valueOf(command.instrument()))
                .setTimepoint(command.timepoint())
                .setScore(command.score())
                .setRaterId(command.raterId())
                .setRaterIndependent(independent)
                .build());
        for (AssessmentObligation obligation : protocol.obligations().metBy(command.instrument(), command.timepoint())) {
            obligations.meet(journey, obligation.kind(), 0, command.occurredAt(), envelope);
        }
        if (protocol.completion().finalInstrument().equals(command.instrument())
                && protocol.completion().finalTimepoints().contains(command.timepoint())) {
            progression.reach(journeyId, JourneyStage.of(Phase.LONG_TERM_FOLLOWUP), command.occurredAt());
        }
        progression.afterProgress(journeyId, protocol, envelope, command.occurredAt());
        return new AssessmentRecorded(assessmentId, independent);
    }

    @Transactional
    public HoldReleased releaseSafetyHold(String journeyId, String releasedBy, Instant occurredAt) {
        JourneyRow journey = lockJourney(journeyId);
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        SafetyHoldRow released = holds.release(journey, releasedBy, occurredAt);
        JourneyStage stage = journeys.get(journeyId).stage();
        return new HoldReleased(released.holdId(), released.reason(), released.placedAt(), releasedBy, occurredAt,
                stage == null ? null : stage.name());
    }

    private FollowupProtocol protocolOf(JourneyRow journey) {
        try {
            return protocols.forJourney(journey.protocolProfile());
        } catch (Protocols.UnknownProtocolException e) {
            throw new RuleViolationException("protocol-not-configured", "Protocol not configured",
                    "The journey follows a protocol profile this service has no configuration for.",
                    Map.of("profile", journey.protocolProfile()));
        }
    }

    private JourneyRow lockJourney(String journeyId) {
        return journeys.lock(journeyId).orElseThrow(() -> new NotFoundException("journey", journeyId));
    }
}
