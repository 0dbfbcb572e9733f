package io.waypoint.followup.events;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.followup.AdverseEventReported;
import io.waypoint.events.followup.AdverseEventSeverity;
import io.waypoint.events.followup.CheckInRecorded;
import io.waypoint.events.followup.Instrument;
import io.waypoint.events.followup.JourneyCompleted;
import io.waypoint.events.followup.ObligationMet;
import io.waypoint.events.followup.ObligationOpened;
import io.waypoint.events.followup.ObligationOverdue;
import io.waypoint.events.followup.OutcomeAssessmentRecorded;
import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
import io.waypoint.events.notifications.DeliveryChannel;
import io.waypoint.events.notifications.NotificationDelivered;
import io.waypoint.events.notifications.NotificationKind;
import io.waypoint.events.notifications.NotificationPriority;
import io.waypoint.events.notifications.TherapistNotificationIssued;
import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.journey.ProtocolVersion;
import io.waypoint.followup.notification.Notification;
import io.waypoint.followup.obligation.Obligation;
import io.waypoint.platform.events.Cause;
import io.waypoint.platform.events.EnvelopeFactory;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.schemas.Topic;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Every event this service writes, built from plain values and put in the outbox, in the caller's transaction:
 * the care records, obligations, safety holds and completion on waypoint.followup.v1 (keyed by journeyId) and the
 * therapist notifications on waypoint.notifications.v1 (keyed by therapistId). Each envelope carries the journey's
 * protocol and the {@link Cause} of the transaction that writes it.
 */
@Component
public class FollowupEvents {

    private final Outbox outbox;
    private final EnvelopeFactory envelopes;

    public FollowupEvents(Outbox outbox, EnvelopeFactory envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    /** The check-in's measures, as recorded. */
    public record CheckIn(String checkInId, Integer dosingNumber, Integer dayNumber, Integer phq9Item9,
                          boolean cssrsPositive, boolean concernRaised) {
    }

    /** {@code severity}: MILD, MODERATE or SEVERE. */
    public record AdverseEvent(String adverseEventId, String term, String severity, boolean serious,
                               boolean favourable, Instant onsetAt, Integer dosingNumber) {
    }

    /** {@code instrument}: CAPS5, SDS, PCL5, PHQ9 or BDI2. */
    public record Assessment(String assessmentId, String instrument, String timepoint, int score, String raterId,
                             boolean raterIndependent) {
    }

    public void checkInRecorded(Journey journey, Instant occurredAt, Cause cause, CheckIn checkIn) {
        publish(journey, CheckInRecorded.newBuilder()
                .setEnvelope(envelope(journey, occurredAt, cause))
                .setCheckInId(checkIn.checkInId())
                .setDosingNumber(checkIn.dosingNumber())
                .setDayNumber(checkIn.dayNumber())
                .setPhq9Item9(checkIn.phq9Item9())
                .setCssrsPositive(checkIn.cssrsPositive())
                .setConcernRaised(checkIn.concernRaised())
                .build());
    }

    public void adverseEventReported(Journey journey, Instant occurredAt, Cause cause, AdverseEvent event) {
        publish(journey, AdverseEventReported.newBuilder()
                .setEnvelope(envelope(journey, occurredAt, cause))
                .setAdverseEventId(event.adverseEventId())
                .setTerm(event.term())
                .setSeverity(AdverseEventSeverity.valueOf(event.severity()))
                .setSerious(event.serious())
                .setFavourable(event.favourable())
                .setOnsetAt(event.onsetAt())
                .setDosingNumber(event.dosingNumber())
                .build());
    }

    public void assessmentRecorded(Journey journey, Instant occurredAt, Cause cause, Assessment assessment) {
        publish(journey, OutcomeAssessmentRecorded.newBuilder()
                .setEnvelope(envelope(journey, occurredAt, cause))
                .setAssessmentId(assessment.assessmentId())
                .setInstrument(Instrument.valueOf(assessment.instrument()))
                .setTimepoint(assessment.timepoint())
                .setScore(assessment.score())
                .setRaterId(assessment.raterId())
                .setRaterIndependent(assessment.raterIndependent())
                .build());
    }

    /** An obligation was opened by the event being handled, which happened at {@code occurredAt}. */
    public void obligationOpened(Journey journey, Instant occurredAt, Cause cause, Obligation obligation) {
        publish(journey, ObligationOpened.newBuilder()
                .setEnvelope(envelope(journey, occurredAt, cause))
                .setObligationId(obligation.obligationId())
                .setKind(obligation.kind())
                .setDueAt(obligation.dueAt())
                .setCauseEventId(obligation.causeEventId())
                .build());
    }

    public void obligationMet(Journey journey, Cause cause, Obligation obligation, Instant metAt, boolean onTime) {
        publish(journey, ObligationMet.newBuilder()
                .setEnvelope(envelope(journey, metAt, cause))
                .setObligationId(obligation.obligationId())
                .setKind(obligation.kind())
                .setMetAt(metAt)
                .setOnTime(onTime)
                .build());
    }

    public void obligationOverdue(Journey journey, Instant flaggedAt, Cause cause, Obligation obligation) {
        publish(journey, ObligationOverdue.newBuilder()
                .setEnvelope(envelope(journey, flaggedAt, cause))
                .setObligationId(obligation.obligationId())
                .setKind(obligation.kind())
                .setDueAt(obligation.dueAt())
                .build());
    }

    public void holdPlaced(Journey journey, Instant placedAt, Cause cause, String holdId, String reason) {
        publish(journey, SafetyHoldPlaced.newBuilder()
                .setEnvelope(envelope(journey, placedAt, cause)).setHoldId(holdId).setReason(reason).build());
    }

    public void holdReleased(Journey journey, Instant releasedAt, Cause cause, String holdId, String releasedBy) {
        publish(journey, SafetyHoldReleased.newBuilder()
                .setEnvelope(envelope(journey, releasedAt, cause)).setHoldId(holdId).setReleasedBy(releasedBy)
                .build());
    }

    public void journeyCompleted(Journey journey, Instant completedAt, Cause cause, int dosingSessions,
                                 int integrationSessions) {
        publish(journey, JourneyCompleted.newBuilder()
                .setEnvelope(envelope(journey, completedAt, cause))
                .setDosingSessions(dosingSessions)
                .setIntegrationSessions(integrationSessions)
                .build());
    }

    /**
     * A notification was put in a therapist's inbox: TherapistNotificationIssued, then NotificationDelivered
     * (channel INBOX), both keyed by the therapist and with the same cause.
     */
    public void notificationIssued(Journey journey, Cause cause, Notification notification) {
        Instant issuedAt = notification.issuedAt();
        outbox.publish(Topic.NOTIFICATIONS, notification.therapistId(), TherapistNotificationIssued.newBuilder()
                .setEnvelope(envelope(journey, issuedAt, cause))
                .setNotificationId(notification.notificationId())
                .setTherapistId(notification.therapistId())
                .setKind(NotificationKind.valueOf(notification.kind()))
                .setPriority(NotificationPriority.valueOf(notification.priority()))
                .setTitle(notification.title())
                .setAppointmentId(notification.appointmentId())
                .setDueAt(notification.dueAt())
                .build());
        outbox.publish(Topic.NOTIFICATIONS, notification.therapistId(), NotificationDelivered.newBuilder()
                .setEnvelope(envelope(journey, issuedAt, cause))
                .setNotificationId(notification.notificationId())
                .setTherapistId(notification.therapistId())
                .setChannel(DeliveryChannel.INBOX)
                .build());
    }

    private void publish(Journey journey, SpecificRecord event) {
        outbox.publish(Topic.FOLLOWUP, journey.journeyId(), event);
    }

    private Envelope envelope(Journey journey, Instant occurredAt, Cause cause) {
        ProtocolVersion protocol = journey.protocol();
        return envelopes.next(journey.journeyId(), occurredAt,
                protocol == null ? null : new ProtocolRef(protocol.profile(), protocol.version()), cause);
    }
}
