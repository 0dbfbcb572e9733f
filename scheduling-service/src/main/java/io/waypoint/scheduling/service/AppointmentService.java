package io.waypoint.scheduling.service;

import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.dosing.Dose;
import io.waypoint.scheduling.dosing.DosingRules;
import io.waypoint.scheduling.messaging.SchedulingPublisher;
import io.waypoint.scheduling.plan.ClinicCalendar;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.protocol.ProtocolProfile;
import io.waypoint.scheduling.protocol.Protocols;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.DosingStore;
import java.time.Instant;
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
    private final SchedulingPublisher publisher;

    public AppointmentService(Journeys journeys, AppointmentStore appointments, DosingStore dosing, Protocols protocols,
                              ClinicCalendar calendar, CourseScheduler scheduler, SchedulingPublisher publisher) {
        this.journeys = journeys;
        this.appointments = appointments;
        this.dosing = dosing;
        this.protocols = protocols;
        this.calendar = calendar;
        this.scheduler = scheduler;
        this.publisher = publisher;
    }

    @Transactional
    public Appointment checkIn(String appointmentId, Cause cause) {
        Journeys.Locked locked = journeys.lock(appointmentId, cause);
        Appointment appointment = locked.appointment();
        if (cause.fromEvent() && appointment.status() == AppointmentStatus.CHECKED_IN) {
            return appointment;
        }
        JourneyPlan plan = locked.plan();
        Journeys.requireActive(plan);
        Journeys.requireTransition(appointment, AppointmentStatus.CHECKED_IN);
        if (appointment.kind() == AppointmentKind.DOSING) {
            ProtocolProfile profile = protocols.get(plan.protocolProfile());
            int dosingNumber = appointment.dosingNumber();
            Instant previousInitialDose = dosingNumber > 1
                    ? dosing.initialDose(plan.journeyId(), dosingNumber - 1).map(Dose::administeredAt).orElse(null)
                    : null;
            int completedIntegration = dosingNumber > 1 ? appointments.countInCycle(plan.journeyId(),
                    AppointmentKind.INTEGRATION, dosingNumber - 1, AppointmentStatus.COMPLETED) : 0;
            Violations.enforce(new DosingRules(profile.dosing(), calendar.timeZone()).checkIn(dosingNumber,
                    appointments.count(plan.journeyId(), AppointmentKind.PREPARATORY, AppointmentStatus.COMPLETED),
                    profile.plan().preparation().sessions(), completedIntegration,
                    profile.plan().integration().sessions(), previousInitialDose, cause.occurredAt()));
        }
        appointments.checkIn(appointmentId, cause.occurredAt());
        Appointment checkedIn = appointment.withStatus(AppointmentStatus.CHECKED_IN);
        publisher.sessionCheckedIn(plan, cause, checkedIn);
        return checkedIn;
    }

    /** A preparatory or integration session was held. */
    @Transactional
    public Appointment complete(String appointmentId, Cause cause) {
        Journeys.Locked locked = journeys.lock(appointmentId, cause);
        Appointment appointment = locked.appointment();
        Journeys.requireActive(locked.plan());
        Journeys.requireDosing(appointment, false);
        Journeys.requireTransition(appointment, AppointmentStatus.COMPLETED);
        appointments.close(appointmentId, AppointmentStatus.COMPLETED, cause.occurredAt(), null, null);
        Appointment completed = appointment.withStatus(AppointmentStatus.COMPLETED);
        publisher.sessionCompleted(locked.plan(), cause, completed);
        return completed;
    }

    /** A booked session did not take place; recorded also after a withdrawal, for a session before it. */
    @Transactional
    public Appointment noShow(String appointmentId, String reason, Cause cause) {
        Journeys.Locked locked = journeys.lock(appointmentId, cause);
        Appointment appointment = locked.appointment();
        if (cause.fromEvent() && appointment.status() == AppointmentStatus.MISSED) {
            return appointment;
        }
        Journeys.requireTransition(appointment, AppointmentStatus.MISSED);
        appointments.close(appointmentId, AppointmentStatus.MISSED, cause.occurredAt(), reason, null);
        Appointment missed = appointment.withStatus(AppointmentStatus.MISSED);
        publisher.sessionMissed(locked.plan(), cause, missed);
        return missed;
    }

    @Transactional
    public Appointment cancel(String appointmentId, String reason, Cause cause) {
        Journeys.Locked locked = journeys.lock(appointmentId, cause);
        Appointment appointment = locked.appointment();
        if (cause.fromEvent() && appointment.status() == AppointmentStatus.CANCELLED) {
            return appointment;
        }
        Journeys.requireTransition(appointment, AppointmentStatus.CANCELLED);
        appointments.close(appointmentId, AppointmentStatus.CANCELLED, cause.occurredAt(), reason, null);
        Appointment cancelled = appointment.withStatus(AppointmentStatus.CANCELLED);
        publisher.sessionCancelled(locked.plan(), cause, cancelled, reason);
        return cancelled;
    }

    @Transactional
    public Appointment reschedule(String appointmentId, Instant requestedStart, Cause cause) {
        Journeys.Locked locked = journeys.lock(appointmentId, cause);
        Appointment appointment = locked.appointment();
        if (cause.fromEvent() && appointment.status() == AppointmentStatus.SCHEDULED
                && appointment.start().equals(requestedStart)) {
            return appointment;
        }
        Journeys.requireActive(locked.plan());
        return scheduler.reschedule(locked.plan(), appointment, requestedStart, cause);
    }
}
