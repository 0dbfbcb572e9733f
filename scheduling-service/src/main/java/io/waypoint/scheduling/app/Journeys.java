package io.waypoint.scheduling.app;

import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.platform.rules.Violation;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.JourneyStore;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Looks up what a command addresses and locks it: first the journey's plan row, then the appointment. Every change
 * to a journey takes the plan lock before it writes anything, so a journey's commands and events are handled one at
 * a time and their events enter the outbox in commit order. Also checks the state a command needs, and answers
 * the reads of a journey.
 */
@Component
public class Journeys {

    private final AppointmentStore appointments;
    private final JourneyStore journeys;

    Journeys(AppointmentStore appointments, JourneyStore journeys) {
        this.appointments = appointments;
        this.journeys = journeys;
    }

    /** A journey's plan; 404 when the journey is not enrolled here. */
    public JourneyPlan plan(String journeyId) {
        return journeys.find(journeyId).orElseThrow(() -> new NotFoundException("journey", journeyId));
    }

    /** Every appointment of an enrolled journey, by start time; 404 when the journey is not enrolled here. */
    public List<Appointment> appointments(String journeyId) {
        plan(journeyId);
        return appointments.byJourney(journeyId);
    }

    /**
     * The appointment a command addresses and its journey's plan, both locked for this transaction; a consumed
     * event must name the appointment's own journey.
     */
    Locked lock(SessionCommand command) {
        String appointmentId = command.appointmentId();
        Appointment found = appointments.find(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        if (command.journeyId() != null && !command.journeyId().equals(found.journeyId())) {
            throw Violation.conflict("journey-mismatch",
                    "Appointment " + appointmentId + " belongs to another journey than the event's.").reject();
        }
        JourneyPlan plan = journeys.lock(found.journeyId())
                .orElseThrow(() -> new NotFoundException("journey", found.journeyId()));
        Appointment appointment = appointments.lock(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        return new Locked(appointment, plan);
    }

    /** Nothing more happens in a withdrawn journey: 409 {@code journey-withdrawn}. */
    static void requireActive(JourneyPlan plan) {
        if (plan.withdrawn()) {
            throw Violation.conflict("journey-withdrawn",
                    "Journey " + plan.journeyId() + " was withdrawn at " + plan.withdrawnAt() + ".").reject();
        }
    }

    static void requireTransition(Appointment appointment, AppointmentStatus target) {
        if (!appointment.status().canMoveTo(target)) {
            throw Violation.conflict("invalid-appointment-state",
                    "Appointment " + appointment.appointmentId() + " is " + appointment.status() + "; it cannot become "
                            + target + ".").reject();
        }
    }

    static void requireDosing(Appointment appointment, boolean dosing) {
        if ((appointment.kind() == AppointmentKind.DOSING) != dosing) {
            throw Violation.conflict("wrong-session-kind", "Appointment " + appointment.appointmentId() + " is a "
                    + appointment.kind() + " session; this command is for "
                    + (dosing ? "dosing sessions" : "preparatory and integration sessions") + ".").reject();
        }
    }

    /** An appointment and its journey's plan, both locked. */
    record Locked(Appointment appointment, JourneyPlan plan) {
    }
}
