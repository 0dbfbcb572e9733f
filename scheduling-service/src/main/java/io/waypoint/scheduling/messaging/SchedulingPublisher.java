package io.waypoint.scheduling.messaging;

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
import io.waypoint.platform.events.EnvelopeFactory;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.dosing.Dose;
import io.waypoint.scheduling.dosing.PreDoseItem;
import io.waypoint.scheduling.dosing.PreDoseResult;
import io.waypoint.scheduling.dosing.VitalFlag;
import io.waypoint.scheduling.dosing.VitalSigns;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.service.Cause;
import io.waypoint.schemas.Topic;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Announces scheduling's state changes on {@code waypoint.scheduling.v1} through the outbox, in the caller's
 * transaction, keyed by journeyId and carrying the journey's protocol.
 */
@Component
public class SchedulingPublisher {

    private final Outbox outbox;
    private final EnvelopeFactory envelopes;

    public SchedulingPublisher(Outbox outbox, EnvelopeFactory envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    public void careTeamAssigned(JourneyPlan plan, Cause cause) {
        publish(plan, CareTeamAssigned.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setLeadTherapistId(plan.careTeam().leadTherapistId())
                .setCoTherapistId(plan.careTeam().coTherapistId())
                .build());
    }

    public void sessionScheduled(JourneyPlan plan, Cause cause, Appointment a) {
        publish(plan, SessionScheduled.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setKind(kind(a))
                .setSequence(a.sequence())
                .setDosingNumber(a.dosingNumber())
                .setStart(a.start())
                .setEnd(a.end())
                .setRoomId(a.roomId())
                .setTherapistIds(a.therapistIds())
                .build());
    }

    public void sessionRescheduled(JourneyPlan plan, Cause cause, Appointment moved, Instant previousStart) {
        publish(plan, SessionRescheduled.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(moved.appointmentId())
                .setKind(kind(moved))
                .setPreviousStart(previousStart)
                .setStart(moved.start())
                .setEnd(moved.end())
                .setRoomId(moved.roomId())
                .build());
    }

    public void sessionCancelled(JourneyPlan plan, Cause cause, Appointment a, String reason) {
        publish(plan, SessionCancelled.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setKind(kind(a))
                .setReason(reason)
                .build());
    }

    public void sessionCheckedIn(JourneyPlan plan, Cause cause, Appointment a) {
        publish(plan, SessionCheckedIn.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setKind(kind(a))
                .build());
    }

    public void sessionMissed(JourneyPlan plan, Cause cause, Appointment a) {
        publish(plan, SessionMissed.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setKind(kind(a))
                .setSequence(a.sequence())
                .setDosingNumber(a.dosingNumber())
                .build());
    }

    public void sessionCompleted(JourneyPlan plan, Cause cause, Appointment a) {
        publish(plan, SessionCompleted.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setKind(kind(a))
                .setSequence(a.sequence())
                .setDosingNumber(a.dosingNumber())
                .build());
    }

    public void preDoseCheckRecorded(JourneyPlan plan, Cause cause, Appointment a, PreDoseResult result) {
        publish(plan, PreDoseCheckRecorded.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setDosingNumber(a.dosingNumber())
                .setPassed(result.passed())
                .setFailedItems(result.failedItems().stream().map(PreDoseItem::name).toList())
                .build());
    }

    public void doseAdministered(JourneyPlan plan, Cause cause, Appointment a, Dose dose, String lotNumber,
                                 String dispensedBy, String witnessedBy) {
        publish(plan, DoseAdministered.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setDosingNumber(a.dosingNumber())
                .setDoseKind(io.waypoint.events.scheduling.DoseKind.valueOf(dose.kind().name()))
                .setAmountMg(milligrams(dose.amountMg()))
                .setLotNumber(lotNumber)
                .setDispensedBy(dispensedBy)
                .setWitnessedBy(witnessedBy)
                .build());
    }

    public void vitalSignsRecorded(JourneyPlan plan, Cause cause, Appointment a, VitalSigns vitals,
                                   Integer minutesSinceInitialDose, List<VitalFlag> outOfRange) {
        publish(plan, VitalSignsRecorded.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setDosingNumber(a.dosingNumber())
                .setMinutesSinceInitialDose(minutesSinceInitialDose)
                .setSystolicMmHg(vitals.systolicMmHg())
                .setDiastolicMmHg(vitals.diastolicMmHg())
                .setHeartRateBpm(vitals.heartRateBpm())
                .setTemperatureCelsius(vitals.temperatureCelsius().setScale(1))
                .setOutOfRange(outOfRange.stream().map(VitalFlag::name).toList())
                .build());
    }

    public void dosingSessionCompleted(JourneyPlan plan, Cause cause, Appointment a, BigDecimal totalMg,
                                       Instant dischargedAt, boolean overnightStay) {
        publish(plan, DosingSessionCompleted.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setDosingNumber(a.dosingNumber())
                .setTotalMg(milligrams(totalMg))
                .setDischargedAt(dischargedAt)
                .setOvernightStay(overnightStay)
                .build());
    }

    public void dosingSessionAborted(JourneyPlan plan, Cause cause, Appointment a, String reason) {
        publish(plan, DosingSessionAborted.newBuilder()
                .setEnvelope(envelope(plan, cause))
                .setAppointmentId(a.appointmentId())
                .setDosingNumber(a.dosingNumber())
                .setReason(reason)
                .build());
    }

    private void publish(JourneyPlan plan, SpecificRecord event) {
        outbox.publish(Topic.SCHEDULING, plan.journeyId(), event);
    }

    /** Caused by a consumed event: its correlation and eventId; always the journey's own protocol. */
    private Envelope envelope(JourneyPlan plan, Cause cause) {
        ProtocolRef protocol = new ProtocolRef(plan.protocolProfile(), plan.protocolVersion());
        if (cause.fromEvent()) {
            Envelope envelope = envelopes.causedBy(cause.upstream(), cause.occurredAt());
            envelope.setJourneyId(plan.journeyId());
            envelope.setProtocol(protocol);
            return envelope;
        }
        return envelopes.next(plan.journeyId(), cause.occurredAt(), protocol, plan.correlationId(), null);
    }

    private static SessionKind kind(Appointment a) {
        return SessionKind.valueOf(a.kind().name());
    }

    private static BigDecimal milligrams(BigDecimal amount) {
        return amount.setScale(2);
    }
}
