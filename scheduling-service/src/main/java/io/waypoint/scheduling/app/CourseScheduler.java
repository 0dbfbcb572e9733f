package io.waypoint.scheduling.app;

import io.waypoint.platform.events.Cause;
import io.waypoint.platform.messaging.NonRetryableEventException;
import io.waypoint.platform.rules.RuleViolationException;
import io.waypoint.platform.rules.Violation;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.dosing.Dose;
import io.waypoint.scheduling.events.SchedulingEvents;
import io.waypoint.scheduling.plan.Booking;
import io.waypoint.scheduling.plan.CareTeam;
import io.waypoint.scheduling.plan.CareTeamChooser;
import io.waypoint.scheduling.plan.ClinicCalendar;
import io.waypoint.scheduling.plan.CoursePlanner;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.plan.Occupancy;
import io.waypoint.scheduling.plan.PendingBooking;
import io.waypoint.scheduling.plan.Slot;
import io.waypoint.scheduling.plan.SlotFinder;
import io.waypoint.scheduling.plan.SlotRequest;
import io.waypoint.scheduling.protocol.ProtocolProfile;
import io.waypoint.scheduling.protocol.Protocols;
import io.waypoint.scheduling.roster.Room;
import io.waypoint.scheduling.roster.RoomPreference;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.BookingLock;
import io.waypoint.scheduling.store.DosingStore;
import io.waypoint.scheduling.store.JourneyStore;
import io.waypoint.scheduling.store.RosterStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a journey's course: the care team and the sessions up to the first dosing session at enrollment, the
 * integration sessions and the next dosing session after each dosing session; moves and cancels bookings.
 * Bookings run one at a time ({@link BookingLock}) against what is already booked.
 */
@Service
public class CourseScheduler {

    private static final Logger log = LoggerFactory.getLogger(CourseScheduler.class);

    /** The reason codes a withdrawal gives a session in progress or booked. */
    static final String ABORTED_ON_WITHDRAWAL = "WITHDRAWN";
    static final String CANCELLED_ON_WITHDRAWAL = "JOURNEY_WITHDRAWN";

    private final Protocols protocols;
    private final ClinicCalendar calendar;
    private final SlotFinder slotFinder;
    private final RosterStore roster;
    private final JourneyStore journeys;
    private final AppointmentStore appointments;
    private final DosingStore dosing;
    private final BookingLock bookingLock;
    private final SchedulingEvents events;

    CourseScheduler(Protocols protocols, ClinicCalendar calendar, RosterStore roster, JourneyStore journeys,
                    AppointmentStore appointments, DosingStore dosing, BookingLock bookingLock,
                    SchedulingEvents events) {
        this.protocols = protocols;
        this.calendar = calendar;
        this.slotFinder = new SlotFinder(calendar);
        this.roster = roster;
        this.journeys = journeys;
        this.appointments = appointments;
        this.dosing = dosing;
        this.bookingLock = bookingLock;
        this.events = events;
    }

    /**
     * A newly enrolled journey gets its care team and its preparatory sessions and first dosing session;
     * a journey enrolled before is left as it is.
     */
    @Transactional
    public void enroll(Enrollment enrollment) {
        String journeyId = enrollment.journeyId();
        if (journeys.find(journeyId).isPresent()) {
            return;
        }
        String protocol = enrollment.protocolProfile();
        if (protocols.find(protocol).isEmpty()) {
            throw new NonRetryableEventException("PatientEnrolled names no configured protocol profile: "
                    + (protocol == null ? "none" : protocol));
        }
        ProtocolProfile profile = protocols.get(protocol);
        bookingLock.acquire();
        CareTeam team = CareTeamChooser.choose(roster.therapists(), roster.activeJourneyLoad())
                .orElseThrow(() -> new NonRetryableEventException(
                        "No care team available: the roster needs a lead-qualified therapist and one more"));
        JourneyPlan plan = new JourneyPlan(journeyId, protocol, enrollment.protocolVersion(), journeyId,
                enrollment.siteId(), enrollment.pregnancyTestRequired(), enrollment.baselineAt(),
                enrollment.enrolledAt(), team, null);
        if (!journeys.insert(plan)) {
            return;
        }
        // the inserted row is the journey's plan lock until this transaction commits
        Cause cause = enrollment.cause();
        events.careTeamAssigned(plan, plan.enrolledAt(), cause);

        CoursePlanner planner = planner(profile);
        Instant enrolledAt = plan.enrolledAt();
        Occupancy occupancy = Occupancy.of(appointments.bookingsAfter(enrolledAt, null));
        List<Room> rooms = roster.rooms();
        List<Appointment> booked = new ArrayList<>();
        Instant notBefore = enrolledAt;
        Instant lastPreparatoryStart = enrolledAt;
        for (int sequence = 1; sequence <= profile.plan().preparation().sessions(); sequence++) {
            SlotRequest request = planner.preparatory(sequence, enrolledAt, notBefore, team,
                    RoomPreference.candidates(AppointmentKind.PREPARATORY, rooms));
            Appointment session = book(plan, AppointmentKind.PREPARATORY, sequence, null, request, occupancy);
            booked.add(session);
            notBefore = session.end();
            lastPreparatoryStart = session.start();
        }
        SlotRequest firstDosing = planner.firstDosing(lastPreparatoryStart, notBefore, team,
                RoomPreference.candidates(AppointmentKind.DOSING, rooms));
        booked.add(book(plan, AppointmentKind.DOSING, 1, 1, firstDosing, occupancy));
        announce(plan, enrolledAt, cause, booked);
        log.debug("Journey {} planned: care team and {} sessions", journeyId, booked.size());
    }

    /**
     * After dosing session n: its integration sessions, and dosing session n+1 in its window while the course
     * allows more. Runs in the completing transaction (the journey's plan is locked). A session that finds no free
     * slot does not undo the completion: it is returned as pending and logged, for the site to book by hand.
     */
    @Transactional
    public Bookings bookAfterDosing(JourneyPlan plan, Appointment dosingSession, Instant initialDoseAt,
                                    Instant occurredAt, Cause cause) {
        if (plan.withdrawn()) {
            return new Bookings(List.of(), List.of());
        }
        ProtocolProfile profile = protocols.get(plan.protocolProfile());
        CoursePlanner planner = planner(profile);
        int dosingNumber = dosingSession.dosingNumber();
        bookingLock.acquire();
        Occupancy occupancy = Occupancy.of(appointments.bookingsAfter(initialDoseAt, null));
        List<Room> rooms = roster.rooms();
        List<Appointment> booked = new ArrayList<>();
        List<PendingBooking> pending = new ArrayList<>();
        for (int sequence = 1; sequence <= profile.plan().integration().sessions(); sequence++) {
            SlotRequest request = planner.integration(sequence, initialDoseAt, plan.careTeam(),
                    RoomPreference.candidates(AppointmentKind.INTEGRATION, rooms));
            Optional<Appointment> session = tryBook(plan, AppointmentKind.INTEGRATION, sequence, dosingNumber,
                    slotFinder.find(request, occupancy), occupancy);
            if (session.isPresent()) {
                booked.add(session.get());
            } else {
                pending.add(new PendingBooking(AppointmentKind.INTEGRATION, sequence, dosingNumber,
                        request.earliest(), request.latestStart()));
            }
        }
        if (dosingNumber < profile.dosing().maxSessions()) {
            int next = dosingNumber + 1;
            SlotRequest request = planner.nextDosing(initialDoseAt, plan.careTeam(),
                    RoomPreference.candidates(AppointmentKind.DOSING, rooms));
            Optional<Appointment> session = tryBook(plan, AppointmentKind.DOSING, next, next,
                    slotFinder.find(request, planner.nextDosingDays(initialDoseAt), occupancy), occupancy);
            if (session.isPresent()) {
                booked.add(session.get());
            } else {
                pending.add(new PendingBooking(AppointmentKind.DOSING, next, next, request.earliest(),
                        request.latestStart()));
            }
        }
        for (PendingBooking missing : pending) {
            log.warn("No free slot for {} session {} of dosing cycle {} between {} and {} after dosing session {}; "
                            + "it needs booking by hand", missing.kind(), missing.sequence(), missing.dosingNumber(),
                    missing.earliest(), missing.latestStart(), dosingSession.appointmentId());
        }
        return new Bookings(announce(plan, occurredAt, cause, booked), List.copyOf(pending));
    }

    /** What was booked after a dosing session, in time order, and what found no free slot. */
    public record Bookings(List<Appointment> booked, List<PendingBooking> pending) {
    }

    /**
     * Moves a booked session to the first free slot at or after the requested start, within the session's
     * limits (a later dosing session stays in its window, a first integration session near its dose).
     */
    @Transactional
    Appointment reschedule(JourneyPlan plan, Appointment appointment, Instant requestedStart, Instant occurredAt,
                           Cause cause) {
        if (appointment.status() != AppointmentStatus.SCHEDULED) {
            throw Violation.conflict("invalid-appointment-state",
                    "Appointment " + appointment.appointmentId() + " is " + appointment.status()
                            + "; only a scheduled appointment can be moved.").reject();
        }
        ProtocolProfile profile = protocols.get(plan.protocolProfile());
        Instant anchor = switch (appointment.kind()) {
            case DOSING -> appointment.dosingNumber() > 1
                    ? dosing.initialDose(plan.journeyId(), appointment.dosingNumber() - 1).map(Dose::administeredAt)
                            .orElse(null)
                    : null;
            case INTEGRATION -> dosing.initialDose(plan.journeyId(), appointment.dosingNumber())
                    .map(Dose::administeredAt).orElse(null);
            case PREPARATORY -> null;
        };
        bookingLock.acquire();
        Occupancy occupancy = Occupancy.of(appointments.bookingsAfter(requestedStart, appointment.appointmentId()));
        SlotRequest request = planner(profile).reschedule(appointment.kind(), appointment.sequence(), requestedStart,
                anchor, plan.careTeam(), RoomPreference.candidates(appointment.kind(), roster.rooms()));
        Slot slot = slotFinder.find(request, occupancy)
                .orElseThrow(() -> noFreeSlot(appointment.kind(), appointment.sequence(), appointment.dosingNumber(),
                        request));
        appointments.move(appointment.appointmentId(), slot);
        Appointment moved = new Appointment(appointment.appointmentId(), appointment.journeyId(), appointment.kind(),
                appointment.sequence(), appointment.dosingNumber(), slot.start(), slot.end(),
                slot.roomReservedUntil(), slot.roomId(), appointment.leadTherapistId(), appointment.coTherapistId(),
                appointment.status());
        events.sessionRescheduled(plan, moved, appointment.start(), occurredAt, cause);
        return moved;
    }

    /**
     * A withdrawn journey's appointments from the withdrawal on are cancelled, and a session in progress is ended: a
     * checked-in dosing session aborted, another checked-in session cancelled. Its care team is freed.
     */
    @Transactional
    public void withdraw(String journeyId, Instant at, Cause cause) {
        JourneyPlan plan = journeys.lock(journeyId).orElse(null);
        if (plan == null || plan.withdrawn()) {
            return;
        }
        journeys.markWithdrawn(plan.journeyId(), at);
        for (Appointment appointment : appointments.liveFrom(plan.journeyId(), at)) {
            if (appointment.status() == AppointmentStatus.CHECKED_IN && appointment.kind() == AppointmentKind.DOSING) {
                appointments.close(appointment.appointmentId(), AppointmentStatus.ABORTED, at, ABORTED_ON_WITHDRAWAL,
                        null);
                events.dosingSessionAborted(plan, appointment.withStatus(AppointmentStatus.ABORTED),
                        ABORTED_ON_WITHDRAWAL, at, cause);
            } else {
                appointments.close(appointment.appointmentId(), AppointmentStatus.CANCELLED, at,
                        CANCELLED_ON_WITHDRAWAL, null);
                events.sessionStatusChanged(plan, appointment.withStatus(AppointmentStatus.CANCELLED),
                        CANCELLED_ON_WITHDRAWAL, at, cause);
            }
        }
    }

    /** A completed journey no longer counts towards its therapists' load. */
    @Transactional
    public void complete(String journeyId, Instant at) {
        if (journeys.lock(journeyId).isPresent()) {
            journeys.markCompleted(journeyId, at);
        }
    }

    private Appointment book(JourneyPlan plan, AppointmentKind kind, int sequence, Integer dosingNumber,
                             SlotRequest request, Occupancy occupancy) {
        return tryBook(plan, kind, sequence, dosingNumber, slotFinder.find(request, occupancy), occupancy)
                .orElseThrow(() -> noFreeSlot(kind, sequence, dosingNumber, request));
    }

    /** Books the slot found, if any, and marks it occupied. */
    private Optional<Appointment> tryBook(JourneyPlan plan, AppointmentKind kind, int sequence, Integer dosingNumber,
                                          Optional<Slot> found, Occupancy occupancy) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Slot slot = found.get();
        Appointment appointment = new Appointment(UUID.randomUUID().toString(), plan.journeyId(), kind, sequence,
                dosingNumber, slot.start(), slot.end(), slot.roomReservedUntil(), slot.roomId(),
                plan.careTeam().leadTherapistId(), plan.careTeam().coTherapistId(), AppointmentStatus.SCHEDULED);
        appointments.insert(appointment);
        occupancy.add(new Booking(appointment.appointmentId(), slot.roomId(), appointment.therapistIds(),
                slot.start(), slot.end(), slot.roomReservedUntil()));
        return Optional.of(appointment);
    }

    private List<Appointment> announce(JourneyPlan plan, Instant occurredAt, Cause cause, List<Appointment> booked) {
        List<Appointment> inTimeOrder = booked.stream().sorted(Comparator.comparing(Appointment::start)).toList();
        inTimeOrder.forEach(appointment -> events.sessionScheduled(plan, appointment, occurredAt, cause));
        return inTimeOrder;
    }

    private CoursePlanner planner(ProtocolProfile profile) {
        return new CoursePlanner(profile.plan(), profile.dosing().window(), calendar);
    }

    private static RuleViolationException noFreeSlot(AppointmentKind kind, int sequence, Integer dosingNumber,
                                                     SlotRequest request) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", kind.name());
        params.put("sequence", sequence);
        if (dosingNumber != null) {
            params.put("dosingNumber", dosingNumber);
        }
        params.put("earliest", request.earliest().toString());
        if (request.latestStart() != null) {
            params.put("latestStart", request.latestStart().toString());
        }
        return Violation.rule("no-free-slot", "No free slot",
                "No room and care-team time is free for " + kind.name().toLowerCase() + " session " + sequence
                        + " from " + request.earliest() + (request.latestStart() != null
                        ? " to " + request.latestStart() : "") + ".", params).reject();
    }
}
