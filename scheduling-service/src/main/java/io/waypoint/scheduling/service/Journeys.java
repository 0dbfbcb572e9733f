package io.waypoint.scheduling.service;

import io.waypoint.platform.problem.ConflictException;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.JourneyStore;
import org.springframework.stereotype.Component;

/** Looks up what a command addresses, locking the appointment, and checks the state it must be in. */
@Component
public class Journeys {

    private final AppointmentStore appointments;
    private final JourneyStore journeys;

    public Journeys(AppointmentStore appointments, JourneyStore journeys) {
        this.appointments = appointments;
        this.journeys = journeys;
    }

    /** The appointment, locked for this transaction; an event must name the appointment's own journey. */
    Appointment lock(String appointmentId, Cause cause) {
        Appointment appointment = appointments.lock(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        if (cause.fromEvent() && cause.upstream().getJourneyId() != null
                && !cause.upstream().getJourneyId().equals(appointment.journeyId())) {
            throw new ConflictException("journey-mismatch",
                    "Appointment " + appointmentId + " belongs to another journey than the event's.");
        }
        return appointment;
    }

    JourneyPlan plan(Appointment appointment) {
        return journeys.find(appointment.journeyId())
                .orElseThrow(() -> new NotFoundException("journey", appointment.journeyId()));
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
}
