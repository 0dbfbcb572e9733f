package io.waypoint.scheduling.app;

import io.waypoint.platform.rules.Violation;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.dosing.Dose;
import io.waypoint.scheduling.dosing.DoseKind;
import io.waypoint.scheduling.dosing.DosingRules;
import io.waypoint.scheduling.dosing.PreDoseAnswers;
import io.waypoint.scheduling.dosing.PreDoseResult;
import io.waypoint.scheduling.dosing.SessionStep;
import io.waypoint.scheduling.dosing.SessionTimeline;
import io.waypoint.scheduling.dosing.VitalFlag;
import io.waypoint.scheduling.dosing.VitalSigns;
import io.waypoint.scheduling.events.SchedulingEvents;
import io.waypoint.scheduling.plan.ClinicCalendar;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.plan.PendingBooking;
import io.waypoint.scheduling.protocol.Protocols;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.DosingStore;
import io.waypoint.scheduling.store.DosingStore.PreDoseCheckOutcome;
import io.waypoint.scheduling.store.SafetyHoldStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dosing session record of a checked-in dosing session: pre-dose checklist, doses, vital signs, and its end
 * (completion with discharge, which books what follows, or abort).
 */
@Service
public class DosingService {

    private final Journeys journeys;
    private final AppointmentStore appointments;
    private final DosingStore dosing;
    private final SafetyHoldStore holds;
    private final Protocols protocols;
    private final ClinicCalendar calendar;
    private final CourseScheduler scheduler;
    private final SchedulingEvents events;

    DosingService(Journeys journeys, AppointmentStore appointments, DosingStore dosing, SafetyHoldStore holds,
                  Protocols protocols, ClinicCalendar calendar, CourseScheduler scheduler, SchedulingEvents events) {
        this.journeys = journeys;
        this.appointments = appointments;
        this.dosing = dosing;
        this.holds = holds;
        this.protocols = protocols;
        this.calendar = calendar;
        this.scheduler = scheduler;
        this.events = events;
    }

    @Transactional
    public PreDoseResult preDoseCheck(SessionCommand command, PreDoseAnswers answers) {
        String appointmentId = command.appointmentId();
        Instant at = command.occurredAt();
        Session session = checkedIn(command);
        List<Dose> doses = dosing.doses(appointmentId);
        if (initial(doses).isPresent()) {
            throw Violation.conflict("initial-dose-already-given",
                    "The pre-dose check comes before the initial dose, which was already given.").reject();
        }
        Violation.enforce(DosingRules.sequence(SessionStep.PRE_DOSE_CHECK, at, session.timeline(null, doses)));
        PreDoseResult result = session.rules().preDoseCheck(answers, session.plan().pregnancyTestRequired(),
                holds.active(session.plan().journeyId()));
        dosing.insertPreDoseCheck(appointmentId, at, answers, result);
        events.preDoseCheckRecorded(session.plan(), session.appointment(), result, at, command.cause());
        return result;
    }

    @Transactional
    public DoseRecorded administer(SessionCommand command, DoseKind kind, BigDecimal amountMg, String lotNumber,
                                   String dispensedBy, String witnessedBy) {
        String appointmentId = command.appointmentId();
        Session session = checkedIn(command);
        List<Dose> doses = dosing.doses(appointmentId);
        Dose initial = initial(doses).orElse(null);
        boolean hold = holds.active(session.plan().journeyId());
        Instant at = command.occurredAt();
        if (kind == DoseKind.INITIAL) {
            Optional<PreDoseCheckOutcome> check = dosing.latestPreDoseCheck(appointmentId);
            Violation.enforce(DosingRules.sequence(SessionStep.INITIAL_DOSE, at,
                    session.timeline(check.map(PreDoseCheckOutcome::checkedAt).orElse(null), doses)));
            Violation.enforce(session.rules().initialDose(session.appointment().dosingNumber(),
                    check.map(PreDoseCheckOutcome::passed).orElse(false), initial != null, amountMg, hold));
        } else {
            Violation.enforce(DosingRules.sequence(SessionStep.SUPPLEMENTAL_DOSE, at, session.timeline(null, doses)));
            Violation.enforce(session.rules().supplementalDose(doses, amountMg, at,
                    dosing.latestVitals(appointmentId, at).orElse(null), hold));
        }
        Dose dose = new Dose(kind, amountMg, at);
        dosing.insertDose(appointmentId, dose, lotNumber, dispensedBy, witnessedBy);
        events.doseAdministered(session.plan(), session.appointment(), dose, lotNumber, dispensedBy, witnessedBy, at,
                command.cause());
        BigDecimal total = doses.stream().map(Dose::amountMg).reduce(amountMg, BigDecimal::add);
        Integer minutes = DosingRules.minutesSinceInitialDose(kind == DoseKind.INITIAL ? dose : initial, at);
        return new DoseRecorded(session.appointment(), dose, total, minutes);
    }

    @Transactional
    public VitalsRecorded recordVitals(SessionCommand command, VitalSigns vitals) {
        String appointmentId = command.appointmentId();
        Instant at = command.occurredAt();
        Session session = checkedIn(command);
        List<Dose> doses = dosing.doses(appointmentId);
        Violation.enforce(DosingRules.sequence(SessionStep.VITALS, at, session.timeline(null, doses)));
        Integer minutes = DosingRules.minutesSinceInitialDose(initial(doses).orElse(null), at);
        List<VitalFlag> outOfRange = session.rules().outOfRange(vitals);
        dosing.insertVitals(appointmentId, at, vitals, minutes, outOfRange);
        events.vitalSignsRecorded(session.plan(), session.appointment(), vitals, minutes, outOfRange, at,
                command.cause());
        return new VitalsRecorded(session.appointment(), outOfRange, minutes);
    }

    /**
     * Ends the session with discharge at the command's time, then books its integration sessions and the next
     * dosing session in the same transaction. The completion stands even when some of them find no free slot:
     * those are returned as pending.
     */
    @Transactional
    public DosingCompleted complete(SessionCommand command, boolean overnightStay) {
        String appointmentId = command.appointmentId();
        Instant dischargedAt = command.occurredAt();
        Session session = checkedIn(command);
        List<Dose> doses = dosing.doses(appointmentId);
        Dose initial = initial(doses).orElse(null);
        Violation.enforce(DosingRules.sequence(SessionStep.DISCHARGE, dischargedAt, session.timeline(null, doses)));
        Violation.enforce(session.rules().completion(initial, dischargedAt, overnightStay));
        BigDecimal total = doses.stream().map(Dose::amountMg).reduce(BigDecimal.ZERO, BigDecimal::add);
        appointments.close(appointmentId, AppointmentStatus.COMPLETED, dischargedAt, null, overnightStay);
        Appointment completed = session.appointment().withStatus(AppointmentStatus.COMPLETED);
        events.dosingSessionCompleted(session.plan(), completed, total, dischargedAt, overnightStay,
                command.cause());
        CourseScheduler.Bookings bookings = scheduler.bookAfterDosing(session.plan(), completed,
                initial.administeredAt(), dischargedAt, command.cause());
        return new DosingCompleted(completed, total, dischargedAt, overnightStay, bookings.booked(),
                bookings.pending());
    }

    @Transactional
    public Appointment abort(SessionCommand command, String reason) {
        Session session = checkedIn(command);
        appointments.close(command.appointmentId(), AppointmentStatus.ABORTED, command.occurredAt(), reason, null);
        Appointment aborted = session.appointment().withStatus(AppointmentStatus.ABORTED);
        events.dosingSessionAborted(session.plan(), aborted, reason, command.occurredAt(), command.cause());
        return aborted;
    }

    /** The checked-in dosing session of an active journey, locked. */
    private Session checkedIn(SessionCommand command) {
        String appointmentId = command.appointmentId();
        Journeys.Locked locked = journeys.lock(command);
        Appointment appointment = locked.appointment();
        Journeys.requireDosing(appointment, true);
        Journeys.requireActive(locked.plan());
        if (appointment.status() != AppointmentStatus.CHECKED_IN) {
            throw Violation.conflict("invalid-appointment-state", "Dosing session " + appointmentId + " is "
                    + appointment.status() + "; this is recorded only while the patient is checked in.").reject();
        }
        JourneyPlan plan = locked.plan();
        DosingRules rules = new DosingRules(protocols.get(plan.protocolProfile()).dosing(), calendar.timeZone());
        return new Session(appointment, plan, rules, appointments.checkedInAt(appointmentId).orElse(null));
    }

    private static Optional<Dose> initial(List<Dose> doses) {
        return doses.stream().filter(d -> d.kind() == DoseKind.INITIAL).findFirst();
    }

    private record Session(Appointment appointment, JourneyPlan plan, DosingRules rules, Instant checkedInAt) {

        SessionTimeline timeline(Instant preDoseCheckAt, List<Dose> doses) {
            return new SessionTimeline(checkedInAt, preDoseCheckAt, doses);
        }
    }

    public record DoseRecorded(Appointment appointment, Dose dose, BigDecimal totalMg, Integer minutesSinceInitialDose) {
    }

    public record VitalsRecorded(Appointment appointment, List<VitalFlag> outOfRange, Integer minutesSinceInitialDose) {
    }

    public record DosingCompleted(Appointment appointment, BigDecimal totalMg, Instant dischargedAt,
                                  boolean overnightStay, List<Appointment> booked, List<PendingBooking> pending) {
    }
}
