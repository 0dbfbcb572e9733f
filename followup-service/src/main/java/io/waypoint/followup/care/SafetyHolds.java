package io.waypoint.followup.care;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
import io.waypoint.followup.journey.StageRules;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.store.CareRecordStore;
import io.waypoint.followup.store.CareRecordStore.SafetyHoldRow;
import io.waypoint.followup.store.JourneyRow;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.platform.problem.ConflictException;
import io.waypoint.schemas.Topic;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety holds: at most one active per journey. A safety signal places one (SafetyHoldPlaced, stage ON_HOLD) and
 * alerts the care team at once; a further signal during a hold alerts them again without a second hold.
 */
@Service
public class SafetyHolds {

    private final CareRecordStore records;
    private final Outbox outbox;
    private final JourneyEnvelopes envelopes;
    private final JourneyProgression progression;
    private final Notifier notifier;

    public SafetyHolds(CareRecordStore records, Outbox outbox, JourneyEnvelopes envelopes,
                       JourneyProgression progression, Notifier notifier) {
        this.records = records;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.progression = progression;
        this.notifier = notifier;
    }

    /** Returns true when this signal placed a new hold. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean signal(JourneyRow journey, String reason, Envelope cause, Instant at) {
        String journeyId = journey.journeyId();
        if (records.activeHold(journeyId).isPresent()) {
            notifier.notify(journey, journey.careTeam(), NotificationKind.SAFETY_HOLD, Priority.URGENT,
                    NotificationTitles.safetySignalDuringHold(journeyId, reason), null, null, cause);
            return false;
        }
        String holdId = UUID.randomUUID().toString();
        records.placeHold(holdId, journeyId, reason, at);
        Envelope placed = envelopes.causedBy(journey, cause, at);
        outbox.publish(Topic.FOLLOWUP, journeyId, SafetyHoldPlaced.newBuilder()
                .setEnvelope(placed).setHoldId(holdId).setReason(reason).build());
        progression.changeStage(journeyId, s -> StageRules.hold(s, at));
        notifier.notify(journey, journey.careTeam(), NotificationKind.SAFETY_HOLD, Priority.URGENT,
                NotificationTitles.safetyHold(journeyId, reason), null, null, placed);
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public SafetyHoldRow release(JourneyRow journey, String releasedBy, Instant at) {
        SafetyHoldRow hold = records.activeHold(journey.journeyId()).orElseThrow(() -> new ConflictException(
                "no-active-safety-hold", "Journey " + journey.journeyId() + " has no active safety hold."));
        records.releaseHold(hold.holdId(), releasedBy, at);
        outbox.publish(Topic.FOLLOWUP, journey.journeyId(), SafetyHoldReleased.newBuilder()
                .setEnvelope(envelopes.fresh(journey, at)).setHoldId(hold.holdId()).setReleasedBy(releasedBy).build());
        progression.changeStage(journey.journeyId(), s -> StageRules.release(s, at));
        return new SafetyHoldRow(hold.holdId(), hold.journeyId(), hold.reason(), hold.placedAt(), at, releasedBy);
    }
}
