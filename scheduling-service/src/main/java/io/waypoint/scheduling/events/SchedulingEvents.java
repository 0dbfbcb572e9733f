package io.waypoint.scheduling.events;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DosingSessionAborted;
import io.waypoint.events.scheduling.DosingSessionCompleted;
import io.waypoint.events.scheduling.PreDoseCheckRecorded;
import io.waypoint.events.scheduling.SessionCancelled;
import io.waypoint.events.scheduling.SessionCheckedIn;
import io.waypoint.events.scheduling.SessionCompleted;
import io.waypoint.events.scheduling.SessionKind;
import io.waypoint.events.scheduling.SessionMissed;
import io.waypoint.events.scheduling.SessionRescheduled;
import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.events.scheduling.VitalSignsRecorded;
import io.waypoint.platform.events.Cause;
import io.waypoint.platform.events.EnvelopeFactory;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.dosing.Dose;
import io.waypoint.scheduling.dosing.PreDoseItem;
import io.waypoint.scheduling.dosing.PreDoseResult;
import io.waypoint.scheduling.dosing.VitalFlag;
import io.waypoint.scheduling.dosing.VitalSigns;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.schemas.Topic;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Announces scheduling's state changes on {@code waypoint.scheduling.v1} through the outbox, in the caller's
 * transaction, keyed by journeyId and carrying the journey's protocol. Each event happened at {@code occurredAt}
 * and names {@code cause} ({@link Cause}: the consumed record being handled, or none for a REST command).
 */
@Component
public class SchedulingEvents {

    private final Outbox outbox;
    private final EnvelopeFactory envelopes;

    SchedulingEvents(Outbox outbox, EnvelopeFactory envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    public void careTeamAssigned(JourneyPlan plan, Instant occurredAt, Cause cause) {
        publish(plan, new CareTeamAssigned(envelope(plan, occurredAt, cause), plan.careTeam().leadTherapistId(),
                plan.careTeam().coTherapistId()));
    }

    public void sessionScheduled(JourneyPlan plan, Appointment a, Instant occurredAt, Cause cause) {
        session(plan, a, occurredAt, cause, (envelope, id, kind) -> new SessionScheduled(envelope, id, kind,
                a.sequence(), a.dosingNumber(), a.start(), a.end(), a.roomId(), a.therapistIds()));
    }

    public void sessionRescheduled(JourneyPlan plan, Appointment moved, Instant previousStart, Instant occurredAt,
                                   Cause cause) {
        session(plan, moved, occurredAt, cause, (envelope, id, kind) -> new SessionRescheduled(envelope, id, kind,
                previousStart, moved.start(), moved.end(), moved.roomId()));
    }

    /**
     * A session's move to its current status: checked in, completed (a preparatory or integration session; a
     * dosing session ends with {@link #dosingSessionCompleted}), missed, or cancelled for {@code reason}.
     */
    public void sessionStatusChanged(JourneyPlan plan, Appointment a, String reason, Instant occurredAt,
                                     Cause cause) {
        session(plan, a, occurredAt, cause, switch (a.status()) {
            case CHECKED_IN -> SessionCheckedIn::new;
            case COMPLETED -> (envelope, id, kind) -> new SessionCompleted(envelope, id, kind, a.sequence(),
                    a.dosingNumber());
            case MISSED -> (envelope, id, kind) -> new SessionMissed(envelope, id, kind, a.sequence(),
                    a.dosingNumber());
            case CANCELLED -> (envelope, id, kind) -> new SessionCancelled(envelope, id, kind, reason);
            case SCHEDULED, ABORTED -> throw new IllegalArgumentException(
                    "No session event announces the status " + a.status() + " of " + a.appointmentId());
        });
    }

    public void preDoseCheckRecorded(JourneyPlan plan, Appointment a, PreDoseResult result, Instant occurredAt,
                                     Cause cause) {
        dosing(plan, a, occurredAt, cause, (envelope, id, dosingNumber) -> new PreDoseCheckRecorded(envelope, id,
                dosingNumber, result.passed(), result.failedItems().stream().map(PreDoseItem::name).toList()));
    }

    public void doseAdministered(JourneyPlan plan, Appointment a, Dose dose, String lotNumber, String dispensedBy,
                                 String witnessedBy, Instant occurredAt, Cause cause) {
        dosing(plan, a, occurredAt, cause, (envelope, id, dosingNumber) -> new DoseAdministered(envelope, id,
                dosingNumber, io.waypoint.events.scheduling.DoseKind.valueOf(dose.kind().name()),
                milligrams(dose.amountMg()), lotNumber, dispensedBy, witnessedBy));
    }

    public void vitalSignsRecorded(JourneyPlan plan, Appointment a, VitalSigns vitals, Integer minutesSinceInitialDose,
                                   List<VitalFlag> outOfRange, Instant occurredAt, Cause cause) {
        dosing(plan, a, occurredAt, cause, (envelope, id, dosingNumber) -> new VitalSignsRecorded(envelope, id,
                dosingNumber, minutesSinceInitialDose, vitals.systolicMmHg(), vitals.diastolicMmHg(),
                vitals.heartRateBpm(), vitals.temperatureCelsius().setScale(1),
                outOfRange.stream().map(VitalFlag::name).toList()));
    }

    public void dosingSessionCompleted(JourneyPlan plan, Appointment a, BigDecimal totalMg, Instant dischargedAt,
                                       boolean overnightStay, Cause cause) {
        dosing(plan, a, dischargedAt, cause, (envelope, id, dosingNumber) -> new DosingSessionCompleted(envelope, id,
                dosingNumber, milligrams(totalMg), dischargedAt, overnightStay));
    }

    public void dosingSessionAborted(JourneyPlan plan, Appointment a, String reason, Instant occurredAt, Cause cause) {
        dosing(plan, a, occurredAt, cause, (envelope, id, dosingNumber) -> new DosingSessionAborted(envelope, id,
                dosingNumber, reason));
    }

    /** The fields every session event starts with: envelope, appointmentId and the session's kind. */
    @FunctionalInterface
    private interface SessionEvent {
        SpecificRecord of(Envelope envelope, String appointmentId, SessionKind kind);
    }

    /** The fields every event of a dosing session starts with: envelope, appointmentId and the dosing number. */
    @FunctionalInterface
    private interface DosingEvent {
        SpecificRecord of(Envelope envelope, String appointmentId, Integer dosingNumber);
    }

    private void session(JourneyPlan plan, Appointment a, Instant occurredAt, Cause cause, SessionEvent event) {
        publish(plan, event.of(envelope(plan, occurredAt, cause), a.appointmentId(),
                SessionKind.valueOf(a.kind().name())));
    }

    private void dosing(JourneyPlan plan, Appointment a, Instant occurredAt, Cause cause, DosingEvent event) {
        publish(plan, event.of(envelope(plan, occurredAt, cause), a.appointmentId(), a.dosingNumber()));
    }

    private void publish(JourneyPlan plan, SpecificRecord event) {
        outbox.publish(Topic.SCHEDULING, plan.journeyId(), event);
    }

    /** Correlated by the journey, always with the journey's own protocol. */
    private Envelope envelope(JourneyPlan plan, Instant occurredAt, Cause cause) {
        return envelopes.next(plan.journeyId(), occurredAt,
                new ProtocolRef(plan.protocolProfile(), plan.protocolVersion()), cause);
    }

    private static BigDecimal milligrams(BigDecimal amount) {
        return amount.setScale(2);
    }
}
