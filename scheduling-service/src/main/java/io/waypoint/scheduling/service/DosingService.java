package io.waypoint.scheduling.service;

import io.waypoint.platform.problem.ConflictException;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.dosing.Dose;
import io.waypoint.scheduling.dosing.DoseKind;
import io.waypoint.scheduling.dosing.DosingRules;
import io.waypoint.scheduling.dosing.PreDoseAnswers;
import io.waypoint.scheduling.dosing.PreDoseResult;
import io.waypoint.scheduling.dosing.VitalFlag;
import io.waypoint.scheduling.dosing.VitalSigns;
import io.waypoint.scheduling.messaging.SchedulingPublisher;
import io.waypoint.scheduling.plan.ClinicCalendar;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.protocol.Protocols;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.DosingStore;
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
        if (initial(dosing.doses(appointmentId)).isPresent()) {
            throw new ConflictException("initial-dose-already-given",
                    "The pre-dose check comes before the initial dose, which was already given.");
        }
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
        if (kind == DoseKind.INITIAL) {
            boolean passed = dosing.latestPreDoseCheckPassed(appointmentId).orElse(false);
            Violations.enforce(session.rules().initialDose(session.appointment().dosingNumber(), passed,
                    initial != null, amountMg, hold));
        } else {
            int supplementalGiven = (int) doses.stream().filter(d -> d.kind() == DoseKind.SUPPLEMENTAL).count();
            Violations.enforce(session.rules().supplementalDose(initial, supplementalGiven, amountMg,
                    cause.occurredAt(), hold));
        }
        Dose dose = new Dose(kind, amountMg, cause.occurredAt());
        dosing.insertDose(appointmentId, dose, lotNumber, dispensedBy, witnessedBy);
        publisher.doseAdministered(session.plan(), cause, session.appointment(), dose, lotNumber, dispensedBy,
                witnessedBy);
        BigDecimal total = doses.stream().map(Dose::amountMg).reduce(amountMg, BigDecimal::add);
        Integer minutes = DosingRules.minutesSinceInitialDose(kind == DoseKind.INITIAL ? dose : initial,
                cause.occurredAt());
        return new DoseRecorded(session.appointment(), dose, total, minutes);
    }

    @Transactional
    public VitalsRecorded recordVitals(String appointmentId, VitalSigns vitals, Cause cause) {
        Session session = checkedIn(appointmentId, cause);
        Integer minutes = DosingRules.minutesSinceInitialDose(initial(dosing.doses(appointmentId)).orElse(null),
                cause.occurredAt());
        List<VitalFlag> outOfRange = session.rules().outOfRange(vitals);
        dosing.insertVitals(appointmentId, cause.occurredAt(), vitals, minutes, outOfRange);
        publisher.vitalSignsRecorded(session.plan(), cause, session.appointment(), vitals, minutes, outOfRange);
        return new VitalsRecorded(session.appointment(), outOfRange, minutes);
    }

    /**
     * Ends the session with discharge at the cause's time, then books its integration sessions and the next
     * dosing session in the same transaction.
     */
    @Transactional
    public DosingCompleted complete(String appointmentId, boolean overnightStay, Cause cause) {
        Session session = checkedIn(appointmentId, cause);
        List<Dose> doses = dosing.doses(appointmentId);
        Dose initial = initial(doses).orElse(null);
        Violations.enforce(session.rules().completion(initial, cause.occurredAt()));
        BigDecimal total = doses.stream().map(Dose::amountMg).reduce(BigDecimal.ZERO, BigDecimal::add);
        appointments.close(appointmentId, AppointmentStatus.COMPLETED, cause.occurredAt(), null, overnightStay);
        Appointment completed = session.appointment().withStatus(AppointmentStatus.COMPLETED);
        publisher.dosingSessionCompleted(session.plan(), cause, completed, total, cause.occurredAt(), overnightStay);
        List<Appointment> booked = scheduler.bookAfterDosing(session.plan(), completed, initial.administeredAt(),
                cause);
        return new DosingCompleted(completed, total, cause.occurredAt(), overnightStay, booked);
    }

    @Transactional
    public Appointment abort(String appointmentId, String reason, Cause cause) {
        Session session = checkedIn(appointmentId, cause);
        appointments.close(appointmentId, AppointmentStatus.ABORTED, cause.occurredAt(), reason, null);
        Appointment aborted = session.appointment().withStatus(AppointmentStatus.ABORTED);
        publisher.dosingSessionAborted(session.plan(), cause, aborted, reason);
        return aborted;
    }

    private Session checkedIn(String appointmentId, Cause cause) {
        Appointment appointment = journeys.lock(appointmentId, cause);
        Journeys.requireDosing(appointment, true);
        if (appointment.status() != AppointmentStatus.CHECKED_IN) {
            throw new ConflictException("invalid-appointment-state", "Dosing session " + appointmentId + " is "
                    + appointment.status() + "; this is recorded only while the patient is checked in.");
        }
        JourneyPlan plan = journeys.plan(appointment);
        DosingRules rules = new DosingRules(protocols.get(plan.protocolProfile()).dosing(), calendar.timeZone());
        return new Session(appointment, plan, rules);
    }

    private static Optional<Dose> initial(List<Dose> doses) {
        return doses.stream().filter(d -> d.kind() == DoseKind.INITIAL).findFirst();
    }

    private record Session(Appointment appointment, JourneyPlan plan, DosingRules rules) {
    }

    public record DoseRecorded(Appointment appointment, Dose dose, BigDecimal totalMg, Integer minutesSinceInitialDose) {
    }

    public record VitalsRecorded(Appointment appointment, List<VitalFlag> outOfRange, Integer minutesSinceInitialDose) {
    }

    public record DosingCompleted(Appointment appointment, BigDecimal totalMg, Instant dischargedAt,
                                  boolean overnightStay, List<Appointment> booked) {
    }
}
