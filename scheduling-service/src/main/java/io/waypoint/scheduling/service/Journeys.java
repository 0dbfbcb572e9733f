package io.waypoint.scheduling.service;

import io.waypoint.platform.problem.ConflictException;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.JourneyStore;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Looks up what a command addresses and locks it: first the journey's plan row, then the appointment. Every change
 * to a journey takes the plan lock before it writes anything, so a journey's commands and events are handled one at
 * a time and their events enter the outbox in commit order. Also checks the state a command needs.
 */
@Component
public class Journeys {

    private final AppointmentStore appointments;
    private final JourneyStore journeys;

    public Journeys(AppointmentStore appointments, JourneyStore journeys) {
        this.appointments = appointments;
        this.journeys = journeys;
    }

    /**
     * The appointment and its journey's plan, both locked for this transaction; an event must name the
     * appointment's own journey.
     */
    Locked lock(String appointmentId, Cause cause) {
        Appointment found = appointments.find(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        if (cause.fromEvent() && cause.upstream().getJourneyId() != null
                && !cause.upstream().getJourneyId().equals(found.journeyId())) {
            throw new ConflictException("journey-mismatch",
                    "Appointment " + appointmentId + " belongs to another journey than the event's.");
        }
        JourneyPlan plan = journeys.lock(found.journeyId())
                .orElseThrow(() -> new NotFoundException("journey", found.journeyId()));
        Appointment appointment = appointments.lock(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        return new Locked(appointment, plan);
    }

    /** A journey's plan, locked for this transaction; empty when the journey is not enrolled here. */
    Optional<JourneyPlan> lockPlan(String journeyId) {
        return journeys.lock(journeyId);
    }

    /** Nothing more happens in a withdrawn journey: 409 {@code journey-withdrawn}. */
    static void requireActive(JourneyPlan plan) {
        if (plan.withdrawn()) {
            throw new ConflictException("journey-withdrawn",
                    "Journey " + plan.journeyId() + " was withdrawn at " + plan.withdrawnAt() + ".");
        }
    }

    static void requireTransition(Appointment appointment, AppointmentStatus target) {
        if (!appointment.status().canMoveTo(target)) {
            throw new ConflictException("invalid-appointment-state",
                    "Appointment " + appointment.appointmentId() + " is " + appointment.status() + "; it cannot become "
                            + target + ".");
        }
    }

    static void requireDosing(Appointment appointment, boolean dosing) {
        if ((appointment.kind() == AppointmentKind.DOSING) != dosing) {
            throw new ConflictException("wrong-session-kind", "Appointment " + appointment.appointmentId() + " is a "
                    + appointment.kind() + " session; this command is for "
                    + (dosing ? "dosing sessions" : "preparatory and integration sessions") + ".");
        }
    }

    /** An appointment and its journey's plan, both locked. */
    record Locked(Appointment appointment, JourneyPlan plan) {
    }
}
