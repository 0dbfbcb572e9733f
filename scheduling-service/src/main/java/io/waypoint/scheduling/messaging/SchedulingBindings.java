package io.waypoint.scheduling.messaging;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.followup.JourneyCompleted;
import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.visits.AppointmentCancellationRequested;
import io.waypoint.events.visits.AppointmentCheckedIn;
import io.waypoint.events.visits.AppointmentNoShow;
import io.waypoint.events.visits.AppointmentRescheduleRequested;
import io.waypoint.platform.messaging.EventBindings;
import io.waypoint.platform.messaging.InboundEvent;
import io.waypoint.platform.messaging.NonRetryableEventException;
import io.waypoint.scheduling.app.AppointmentService;
import io.waypoint.scheduling.app.CourseScheduler;
import io.waypoint.scheduling.app.Enrollment;
import io.waypoint.scheduling.app.SafetyHolds;
import io.waypoint.scheduling.app.SessionCommand;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * What scheduling consumes (group {@code scheduling-service}; destinations in {@code application.yml}):
 * enrollments and withdrawals ({@code intake-in-0}), the front desk's visit events ({@code visits-in-0}), and safety
 * holds and completed journeys ({@code followupEvents-in-0}). Each record becomes a plain command for the
 * application layer; {@link EventBindings} handles it once, in one transaction with the events it causes, and
 * dead-letters one that breaks a rule or names an unknown appointment.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingBindings {

    @Bean
    Consumer<Message<List<byte[]>>> intake(EventBindings bindings, CourseScheduler scheduler) {
        return bindings.consumer(in -> {
            switch (in.event()) {
                case PatientEnrolled enrolled -> scheduler.enroll(enrollment(enrolled, in));
                case JourneyWithdrawn withdrawn -> {
                    Envelope envelope = withdrawn.getEnvelope();
                    if (envelope.getJourneyId() != null) {
                        scheduler.withdraw(envelope.getJourneyId(), envelope.getOccurredAt(), in.cause());
                    }
                }
                default -> {
                    // the other intake events precede enrollment and change no booking
                }
            }
        });
    }

    @Bean
    Consumer<Message<List<byte[]>>> visits(EventBindings bindings, AppointmentService appointments) {
        return bindings.consumer(in -> {
            switch (in.event()) {
                case AppointmentCheckedIn checkedIn -> appointments.checkIn(session(checkedIn.getAppointmentId(), in));
                case AppointmentNoShow noShow ->
                        appointments.noShow(session(noShow.getAppointmentId(), in), noShow.getReason());
                case AppointmentCancellationRequested cancellation ->
                        appointments.cancel(session(cancellation.getAppointmentId(), in), cancellation.getReason());
                case AppointmentRescheduleRequested move ->
                        appointments.reschedule(session(move.getAppointmentId(), in), move.getRequestedStart());
                default -> {
                    // no other visit events exist in this schema version
                }
            }
        });
    }

    @Bean
    Consumer<Message<List<byte[]>>> followupEvents(EventBindings bindings, SafetyHolds holds, CourseScheduler scheduler) {
        return bindings.consumer(in -> {
            Envelope envelope = in.envelope();
            switch (in.event()) {
                case SafetyHoldPlaced placed -> holds.placed(requireJourney(envelope), placed.getHoldId(),
                        placed.getReason(), envelope.getOccurredAt());
                case SafetyHoldReleased released -> holds.released(requireJourney(envelope), released.getHoldId(),
                        released.getReleasedBy(), envelope.getOccurredAt());
                case JourneyCompleted completed -> {
                    if (envelope.getJourneyId() != null) {
                        scheduler.complete(envelope.getJourneyId(), envelope.getOccurredAt());
                    }
                }
                default -> {
                    // check-ins, adverse events, outcomes and obligations do not affect booking
                }
            }
        });
    }

    private static Enrollment enrollment(PatientEnrolled enrolled, InboundEvent in) {
        Envelope envelope = enrolled.getEnvelope();
        if (envelope.getJourneyId() == null) {
            throw new NonRetryableEventException("PatientEnrolled without a journeyId");
        }
        ProtocolRef protocol = envelope.getProtocol();
        return new Enrollment(envelope.getJourneyId(), protocol == null ? null : protocol.getProfile(),
                protocol == null ? null : protocol.getVersion(), enrolled.getSiteId(),
                enrolled.getPregnancyTestRequired(), enrolled.getBaselineAt(), envelope.getOccurredAt(), in.cause());
    }

    /** A front-desk event about a session: it names its journey, and happened when its envelope says. */
    private static SessionCommand session(String appointmentId, InboundEvent in) {
        return new SessionCommand(appointmentId, in.envelope().getJourneyId(), in.envelope().getOccurredAt(),
                in.cause());
    }

    private static String requireJourney(Envelope envelope) {
        if (envelope.getJourneyId() == null) {
            throw new NonRetryableEventException("A safety hold event without a journeyId");
        }
        return envelope.getJourneyId();
    }
}
