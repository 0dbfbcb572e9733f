package io.waypoint.scheduling.app;

import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.platform.rules.Violation;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.dosing.Dose;
import io.waypoint.scheduling.dosing.DosingRules;
import io.waypoint.scheduling.events.SchedulingEvents;
import io.waypoint.scheduling.plan.ClinicCalendar;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.protocol.ProtocolProfile;
import io.waypoint.scheduling.protocol.Protocols;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.DosingStore;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance: check-in (a dosing session only when the protocol allows it to start), completion of preparatory
 * and integration sessions, no-shows, and the front desk's cancellations and moves. A front-desk event that
 * repeats a state already reached has no further effect. A withdrawn journey takes no check-in, completion or
 * move (409 {@code journey-withdrawn}).
 */
@Service
public class AppointmentService {

    private final Journeys journeys;
    private final AppointmentStore appointments;
    private final DosingStore dosing;
    private final Protocols protocols;
    private final ClinicCalendar calendar;
    private final CourseScheduler scheduler;
    private final SchedulingEvents events;

    AppointmentService(Journeys journeys, AppointmentStore appointments, DosingStore dosing, Protocols protocols,
                       ClinicCalendar calendar, CourseScheduler scheduler, SchedulingEvents events) {
        this.journeys = journeys;
        this.appointments = appointments;
        this.dosing = dosing;
        this.protocols = protocols;
        this.calendar = calendar;
        this.scheduler = scheduler;
        this.events = events;
    }

    /** One appointment; 404 when there is none. */
    public Appointment appointment(String appointmentId) {
        return appointments.find(appointmentId).orElseThrow(() -> new NotFoundException("appointment", appointmentId));
    }

    @Transactional
    public Appointment checkIn(SessionCommand command) {
        return transition(command, AppointmentStatus.CHECKED_IN, null);
    }

    /** A preparatory or integration session was held. */
    @Transactional
    public Appointment complete(SessionCommand command) {
        return transition(command, AppointmentStatus.COMPLETED, null);
    }

    /** A booked session did not take place; recorded also after a withdrawal, for a session before it. */
    @Transactional
    public Appointment noShow(SessionCommand command, String reason) {
        return transition(command, AppointmentStatus.MISSED, reason);
    }

    @Transactional
    public Appointment cancel(SessionCommand command, String reason) {
        return transition(command, AppointmentStatus.CANCELLED, reason);
    }

    @Transactional
    public Appointment reschedule(SessionCommand command, Instant requestedStart) {
        Journeys.Locked locked = journeys.lock(command);
        Appointment appointment = locked.appointment();
        if (command.fromEvent() && appointment.status() == AppointmentStatus.SCHEDULED
                && appointment.start().equals(requestedStart)) {
            return appointment;
        }
        Journeys.requireActive(locked.plan());
        return scheduler.reschedule(locked.plan(), appointment, requestedStart, command.occurredAt(), command.cause());
    }

    /**
     * The one path of a session's status change: the session moves to {@code target} at the command's time and the
     * matching event is published. A check-in or completion needs an active journey (a no-show or cancellation is
     * recorded also after a withdrawal), a completion a preparatory or integration session, and the check-in of a
     * dosing session the protocol's consent.
     */
    private Appointment transition(SessionCommand command, AppointmentStatus target, String reason) {
        Journeys.Locked locked = journeys.lock(command);
        Appointment appointment = locked.appointment();
        JourneyPlan plan = locked.plan();
        if (command.fromEvent() && appointment.status() == target) {
            return appointment;
        }
        if (target == AppointmentStatus.CHECKED_IN || target == AppointmentStatus.COMPLETED) {
            Journeys.requireActive(plan);
        }
        if (target == AppointmentStatus.COMPLETED) {
            Journeys.requireDosing(appointment, false);
        }
        Journeys.requireTransition(appointment, target);
        Instant at = command.occurredAt();
        if (target == AppointmentStatus.CHECKED_IN) {
            Violation.enforce(mayStart(plan, appointment, at));
            appointments.checkIn(appointment.appointmentId(), at);
        } else {
            appointments.close(appointment.appointmentId(), target, at, reason, null);
        }
        Appointment changed = appointment.withStatus(target);
        events.sessionStatusChanged(plan, changed, reason, at, command.cause());
        return changed;
    }

    /** May this session start at {@code at}? Any but a dosing session may; a dosing session as the protocol says. */
    private Optional<Violation> mayStart(JourneyPlan plan, Appointment appointment, Instant at) {
        if (appointment.kind() != AppointmentKind.DOSING) {
            return Optional.empty();
        }
        ProtocolProfile profile = protocols.get(plan.protocolProfile());
        int dosingNumber = appointment.dosingNumber();
        Instant previousInitialDose = dosingNumber > 1
                ? dosing.initialDose(plan.journeyId(), dosingNumber - 1).map(Dose::administeredAt).orElse(null)
                : null;
        int completedIntegration = dosingNumber > 1 ? appointments.countInCycle(plan.journeyId(),
                AppointmentKind.INTEGRATION, dosingNumber - 1, AppointmentStatus.COMPLETED) : 0;
        return new DosingRules(profile.dosing(), calendar.timeZone()).checkIn(dosingNumber,
                appointments.count(plan.journeyId(), AppointmentKind.PREPARATORY, AppointmentStatus.COMPLETED),
                profile.plan().preparation().sessions(), completedIntegration,
                profile.plan().integration().sessions(), previousInitialDose, at);
    }
}
