package io.waypoint.scheduling.service;

import io.waypoint.platform.problem.ConflictException;
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
import io.waypoint.scheduling.messaging.SchedulingPublisher;
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
    private final SchedulingPublisher publisher;

    public DosingService(Journeys journeys, AppointmentStore appointments, DosingStore dosing, SafetyHoldStore holds,
                         Protocols protocols, ClinicCalendar calendar, CourseScheduler scheduler,
                         SchedulingPublisher publisher) {
        this.journeys = journeys;
        this.appointments = appointments;
        this.dosing = dosing;
        this.holds = holds;
        this.protocols = protocols;
        this.calendar = calendar;
        this.scheduler = scheduler;
        this.publisher = publisher;
    }

    @Transactional
    public PreDoseResult preDoseCheck(String appointmentId, PreDoseAnswers answers, Cause cause) {
        Session session = checkedIn(appointmentId, cause);
        List<Dose> doses = dosing.doses(appointmentId);
        if (initial(doses).isPresent()) {
            throw new ConflictException("initial-dose-already-given",
                    "The pre-dose check comes before the initial dose, which was already given.");
        }
        Violations.enforce(DosingRules.sequence(SessionStep.PRE_DOSE_CHECK, cause.occurredAt(),
                session.timeline(null, doses)));
        PreDoseResult result = session.rules().preDoseCheck(answers, session.plan().pregnancyTestRequired(),
                holds.active(session.plan().journeyId()));
        dosing.insertPreDoseCheck(appointmentId, cause.occurredAt(), answers, result);
        publisher.preDoseCheckRecorded(session.plan(), cause, session.appointment(), result);
        return result;
    }

    @Transactional
    public DoseRecorded administer(String appointmentId, DoseKind kind, BigDecimal amountMg, String lotNumber,
                                   String dispensedBy, String witnessedBy, Cause cause) {
        Session session = checkedIn(appointmentId, cause);
        List<Dose> doses = dosing.doses(appointmentId);
        Dose initial = initial(doses).orElse(null);
        boolean hold = holds.active(session.plan().journeyId());
        Instant at = cause.occurredAt();
        if (kind == DoseKind.INITIAL) {
            Optional<PreDoseCheckOutcome> check = dosing.latestPreDoseCheck(appointmentId);
            Violations.enforce(DosingRules.sequence(SessionStep.INITIAL_DOSE, at,
                    session.timeline(check.map(PreDoseCheckOutcome::checkedAt).orElse(null), doses)));
            Violations.enforce(session.rules().initialDose(session.appointment().dosingNumber(),
                    check.map(PreDoseCheckOutcome::passed).orElse(false), initial != null, amountMg, hold));
        } else {
            Violations.enforce(DosingRules.sequence(SessionStep.SUPPLEMENTAL_DOSE, at, session.timeline(null, doses)));
            Violations.enforce(session.rules().supplementalDose(doses, amountMg, at,
                    dosing.latestVitals(appointmentId, at).orElse(null), hold));
        }
        Dose dose = new Dose(kind, amountMg, at);
        dosing.insertDose(appointmentId, dose, lotNumber, dispensedBy, witnessedBy);
        publisher.doseAdministered(session.plan(), cause, session.appointment(), dose, lotNumber, dispensedBy,
                witnessedBy);
        BigDecimal total = doses.stream().map(Dose::amountMg).reduce(amountMg, BigDecimal::add);
        Integer minutes = DosingRules.minutesSinceInitialDose(kind == DoseKind.INITIAL ? dose : initial, at);
        return new DoseRecorded(session.appointment(), dose, total, minutes);
    }

    @Transactional
    public VitalsRecorded recordVitals(String appointmentId, VitalSigns vitals, Cause cause) {
        Session session = checkedIn(appointmentId, cause);
        List<Dose> doses = dosing.doses(appointmentId);
        Violations.enforce(DosingRules.sequence(SessionStep.VITALS, cause.occurredAt(), session.timeline(null, doses)));
        Integer minutes = DosingRules.minutesSinceInitialDose(initial(doses).orElse(null), cause.occurredAt());
        List<VitalFlag> outOfRange = session.rules().outOfRange(vitals);
        dosing.insertVitals(appointmentId, cause.occurredAt(), vitals, minutes, outOfRange);
        publisher.vitalSignsRecorded(session.plan(), cause, session.appointment(), vitals, minutes, outOfRange);
        return new VitalsRecorded(session.appointment(), outOfRange, minutes);
    }

    /**
     * Ends the session with discharge at the cause's time, then books its integration sessions and the next
     * dosing session in the same transaction. The completion stands even when some of them find no free slot:
     * those are returned as pending.
     */
    @Transactional
    public DosingCompleted complete(String appointmentId, boolean overnightStay, Cause cause) {
        Session session = checkedIn(appointmentId, cause);
        List<Dose> doses = dosing.doses(appointmentId);
        Dose initial = initial(doses).orElse(null);
        Violations.enforce(DosingRules.sequence(SessionStep.DISCHARGE, cause.occurredAt(),
                session.timeline(null, doses)));
        Violations.enforce(session.rules().completion(initial, cause.occurredAt(), overnightStay));
        BigDecimal total = doses.stream().map(Dose::amountMg).reduce(BigDecimal.ZERO, BigDecimal::add);
        appointments.close(appointmentId, AppointmentStatus.COMPLETED, cause.occurredAt(), null, overnightStay);
        Appointment completed = session.appointment().withStatus(AppointmentStatus.COMPLETED);
        publisher.dosingSessionCompleted(session.plan(), cause, completed, total, cause.occurredAt(), overnightStay);
        CourseScheduler.Bookings bookings = scheduler.bookAfterDosing(session.plan(), completed,
                initial.administeredAt(), cause);
        return new DosingCompleted(completed, total, cause.occurredAt(), overnightStay, bookings.booked(),
                bookings.pending());
    }

    @Transactional
    public Appointment abort(String appointmentId, String reason, Cause cause) {
        Session session = checkedIn(appointmentId, cause);
        appointments.close(appointmentId, AppointmentStatus.ABORTED, cause.occurredAt(), reason, null);
        Appointment aborted = session.appointment().withStatus(AppointmentStatus.ABORTED);
        publisher.dosingSessionAborted(session.plan(), cause, aborted, reason);
        return aborted;
    }

    /** The checked-in dosing session of an active journey, locked. */
    private Session checkedIn(String appointmentId, Cause cause) {
        Journeys.Locked locked = journeys.lock(appointmentId, cause);
        Appointment appointment = locked.appointment();
        Journeys.requireDosing(appointment, true);
        Journeys.requireActive(locked.plan());
        if (appointment.status() != AppointmentStatus.CHECKED_IN) {
            throw new ConflictException("invalid-appointment-state", "Dosing session " + appointmentId + " is "
                    + appointment.status() + "; this is recorded only while the patient is checked in.");
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
