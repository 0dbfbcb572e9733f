package io.waypoint.followup.app;

import io.waypoint.followup.events.FollowupEvents;
import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.journey.StageRules;
import io.waypoint.followup.notification.NotificationKind;
import io.waypoint.followup.notification.NotificationTitles;
import io.waypoint.followup.notification.Priority;
import io.waypoint.followup.store.CareRecordStore;
import io.waypoint.followup.store.CareRecordStore.SafetyHoldRow;
import io.waypoint.platform.events.Cause;
import io.waypoint.platform.rules.Violation;
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
class SafetyHolds {

    private final CareRecordStore records;
    private final FollowupEvents events;
    private final JourneyProgression progression;
    private final Notifier notifier;

    SafetyHolds(CareRecordStore records, FollowupEvents events, JourneyProgression progression, Notifier notifier) {
        this.records = records;
        this.events = events;
        this.progression = progression;
        this.notifier = notifier;
    }

    /** Returns true when this signal placed a new hold. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean signal(Journey journey, String reason, Cause cause, Instant at) {
        String journeyId = journey.journeyId();
        if (records.activeHold(journeyId).isPresent()) {
            notifier.notify(journey, journey.careTeam(), NotificationKind.SAFETY_HOLD, Priority.URGENT,
                    NotificationTitles.safetySignalDuringHold(journeyId, reason), null, null, cause);
            return false;
        }
        String holdId = UUID.randomUUID().toString();
        records.placeHold(holdId, journeyId, reason, at);
        events.holdPlaced(journey, at, cause, holdId, reason);
        progression.changeStage(journeyId, s -> StageRules.hold(s, at));
        notifier.notify(journey, journey.careTeam(), NotificationKind.SAFETY_HOLD, Priority.URGENT,
                NotificationTitles.safetyHold(journeyId, reason), null, null, cause);
        return true;
    }

    /** Releases the journey's active hold; a journey without one is a conflict. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SafetyHoldRow release(Journey journey, String releasedBy, Instant at, Cause cause) {
        SafetyHoldRow hold = records.activeHold(journey.journeyId()).orElseThrow(() -> Violation.conflict(
                "no-active-safety-hold", "Journey " + journey.journeyId() + " has no active safety hold.").reject());
        records.releaseHold(hold.holdId(), releasedBy, at);
        events.holdReleased(journey, at, cause, hold.holdId(), releasedBy);
        progression.changeStage(journey.journeyId(), s -> StageRules.release(s, at));
        return new SafetyHoldRow(hold.holdId(), hold.journeyId(), hold.reason(), hold.placedAt(), at, releasedBy);
    }
}
