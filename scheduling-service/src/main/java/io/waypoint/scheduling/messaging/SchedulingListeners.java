package io.waypoint.scheduling.messaging;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.followup.JourneyCompleted;
import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.visits.AppointmentCancellationRequested;
import io.waypoint.events.visits.AppointmentCheckedIn;
import io.waypoint.events.visits.AppointmentNoShow;
import io.waypoint.events.visits.AppointmentRescheduleRequested;
import io.waypoint.platform.inbox.Inbox;
import io.waypoint.platform.messaging.NonRetryableEventException;
import io.waypoint.platform.problem.ConflictException;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.platform.problem.RuleViolationException;
import io.waypoint.scheduling.service.AppointmentService;
import io.waypoint.scheduling.service.Cause;
import io.waypoint.scheduling.service.CourseScheduler;
import io.waypoint.scheduling.service.SafetyHolds;
import io.waypoint.schemas.Events;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What scheduling consumes (group {@value #GROUP}): enrollments and withdrawals, the front desk's visit events,
 * and safety holds. Each event is handled once, in one transaction with the events it causes; an event that
 * breaks a rule or names an unknown appointment is dead-lettered.
 */
@Component
public class SchedulingListeners {

    public static final String GROUP = "scheduling-service";

    private final Inbox inbox;
    private final CourseScheduler scheduler;
    private final AppointmentService appointments;
    private final SafetyHolds holds;

    public SchedulingListeners(Inbox inbox, CourseScheduler scheduler, AppointmentService appointments,
                               SafetyHolds holds) {
        this.inbox = inbox;
        this.scheduler = scheduler;
        this.appointments = appointments;
        this.holds = holds;
    }

    @KafkaListener(topics = "#{T(io.waypoint.schemas.Topic).INTAKE.topicName()}", groupId = GROUP)
    @Transactional
    public void onIntake(SpecificRecord event) {
        if (!firstDelivery(event)) {
            return;
        }
        try {
            switch (event) {
                case PatientEnrolled enrolled -> scheduler.enroll(enrolled);
                case JourneyWithdrawn withdrawn -> scheduler.withdraw(withdrawn);
                default -> {
                    // the other intake events precede enrollment and change no booking
                }
            }
        } catch (RuleViolationException | ConflictException | NotFoundException e) {
            throw unacceptable(event, e);
        }
    }

    @KafkaListener(topics = "#{T(io.waypoint.schemas.Topic).FRONTDESK_VISITS.topicName()}", groupId = GROUP)
    @Transactional
    public void onVisit(SpecificRecord event) {
        if (!firstDelivery(event)) {
            return;
        }
        Cause cause = Cause.event(Events.envelopeOf(event));
        try {
            switch (event) {
                case AppointmentCheckedIn checkedIn -> appointments.checkIn(checkedIn.getAppointmentId(), cause);
                case AppointmentNoShow noShow ->
                        appointments.noShow(noShow.getAppointmentId(), noShow.getReason(), cause);
                case AppointmentCancellationRequested cancellation ->
                        appointments.cancel(cancellation.getAppointmentId(), cancellation.getReason(), cause);
                case AppointmentRescheduleRequested move ->
                        appointments.reschedule(move.getAppointmentId(), move.getRequestedStart(), cause);
                default -> {
                    // no other visit events exist in this schema version
                }
            }
        } catch (RuleViolationException | ConflictException | NotFoundException e) {
            throw unacceptable(event, e);
        }
    }

    @KafkaListener(topics = "#{T(io.waypoint.schemas.Topic).FOLLOWUP.topicName()}", groupId = GROUP)
    @Transactional
    public void onFollowup(SpecificRecord event) {
        if (!firstDelivery(event)) {
            return;
        }
        switch (event) {
            case SafetyHoldPlaced placed -> holds.placed(placed);
            case SafetyHoldReleased released -> holds.released(released);
            case JourneyCompleted completed -> {
                Envelope envelope = completed.getEnvelope();
                if (envelope.getJourneyId() != null) {
                    scheduler.complete(envelope.getJourneyId(), envelope.getOccurredAt());
                }
            }
            default -> {
                // check-ins, adverse events, outcomes and obligations do not affect booking
            }
        }
    }

    /** Well-formed but never applicable: dead-lettered at once, and its transaction rolled back. */
    private static NonRetryableEventException unacceptable(SpecificRecord event, RuntimeException cause) {
        return new NonRetryableEventException(Events.type(event) + " cannot be applied: " + cause.getMessage(), cause);
    }

    private boolean firstDelivery(SpecificRecord event) {
        return inbox.firstDelivery(Events.envelopeOf(event).getEventId(), GROUP);
    }
}
