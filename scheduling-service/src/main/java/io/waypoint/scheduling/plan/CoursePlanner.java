package io.waypoint.scheduling.plan;

import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.dosing.DosingProfile.DosingWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a protocol's course plan into slot searches: where each session of a course may go, given what
 * came before it.
 */
public final class CoursePlanner {

    private final CoursePlan plan;
    private final DosingWindow window;
    private final ClinicCalendar calendar;

    public CoursePlanner(CoursePlan plan, DosingWindow window, ClinicCalendar calendar) {
        this.plan = plan;
        this.window = window;
        this.calendar = calendar;
    }

    /** Preparatory session {@code sequence}: its configured day after enrollment, never before {@code notBefore}. */
    public SlotRequest preparatory(int sequence, Instant enrolledAt, Instant notBefore, CareTeam team,
                                   List<String> rooms) {
        CoursePlan.Preparation preparation = plan.preparation();
        LocalDate date = calendar.dateOf(enrolledAt)
                .plusDays(preparation.firstAfterEnrollmentDays() + (long) (sequence - 1) * preparation.spacingDays());
        return new SlotRequest(preparation.duration(), preparation.duration(), preparation.startTime(),
                latest(calendar.at(date, preparation.startTime()), notBefore), null, rooms, team.therapistIds());
    }

    /** The first dosing session: the configured days after the last preparatory session. */
    public SlotRequest firstDosing(Instant lastPreparatoryStart, Instant notBefore, CareTeam team, List<String> rooms) {
        CoursePlan.DosingSessions dosing = plan.dosing();
        LocalDate date = calendar.dateOf(lastPreparatoryStart).plusDays(dosing.firstAfterLastPreparationDays());
        return new SlotRequest(dosing.duration(), dosing.roomReservation(), dosing.startTime(),
                latest(calendar.at(date, dosing.startTime()), notBefore), null, rooms, team.therapistIds());
    }

    /**
     * Integration session {@code sequence} of a dosing cycle on its configured day after the initial dose's date.
     * The first one at any time from the clinic's opening on that day until the configured time after the initial
     * dose; the others from the configured start time.
     */
    public SlotRequest integration(int sequence, Instant initialDoseAt, CareTeam team, List<String> rooms) {
        CoursePlan.Integration integration = plan.integration();
        LocalDate date = calendar.dateOf(initialDoseAt).plusDays(integration.dayOffsets().get(sequence - 1));
        if (sequence == 1) {
            return new SlotRequest(integration.duration(), integration.duration(), calendar.opens(),
                    calendar.at(date, calendar.opens()), initialDoseAt.plus(integration.firstWithin()), rooms,
                    team.therapistIds());
        }
        return new SlotRequest(integration.duration(), integration.duration(), integration.startTime(),
                calendar.at(date, integration.startTime()), null, rooms, team.therapistIds());
    }

    /**
     * The next dosing session: any day of the window after the previous initial dose, from the configured start
     * time; search it over {@link #nextDosingDays(Instant)}.
     */
    public SlotRequest nextDosing(Instant previousInitialDoseAt, CareTeam team, List<String> rooms) {
        CoursePlan.DosingSessions dosing = plan.dosing();
        LocalDate doseDate = calendar.dateOf(previousInitialDoseAt);
        return new SlotRequest(dosing.duration(), dosing.roomReservation(), dosing.startTime(),
                calendar.at(doseDate.plusDays(window.minDays()), dosing.startTime()),
                calendar.closingOf(doseDate.plusDays(window.maxDays())), rooms, team.therapistIds());
    }

    /**
     * The days of the window after the previous initial dose in the order they are tried: the target day, then
     * outwards one day at a time, the earlier of two equally distant days first.
     */
    public List<LocalDate> nextDosingDays(Instant previousInitialDoseAt) {
        LocalDate doseDate = calendar.dateOf(previousInitialDoseAt);
        List<LocalDate> days = new ArrayList<>();
        days.add(doseDate.plusDays(window.targetDays()));
        int span = Math.max(window.targetDays() - window.minDays(), window.maxDays() - window.targetDays());
        for (int distance = 1; distance <= span; distance++) {
            if (window.targetDays() - distance >= window.minDays()) {
                days.add(doseDate.plusDays(window.targetDays() - distance));
            }
            if (window.targetDays() + distance <= window.maxDays()) {
                days.add(doseDate.plusDays(window.targetDays() + distance));
            }
        }
        return List.copyOf(days);
    }

    /**
     * A booked session moved to the first free slot at or after {@code requestedStart}, any time the clinic is open,
     * within the session's own limits: a later dosing session stays in its window after the previous initial dose,
     * a first integration session within its time after the initial dose.
     *
     * @param anchorInitialDoseAt for a later dosing session, the previous session's initial dose; for an integration
     *                            session, its cycle's initial dose; otherwise null
     */
    public SlotRequest reschedule(AppointmentKind kind, int sequence, Instant requestedStart, Instant anchorInitialDoseAt,
                                  CareTeam team, List<String> rooms) {
        Instant earliest = requestedStart;
        Instant latestStart = null;
        if (anchorInitialDoseAt != null && kind == AppointmentKind.DOSING) {
            LocalDate doseDate = calendar.dateOf(anchorInitialDoseAt);
            earliest = latest(requestedStart, calendar.at(doseDate.plusDays(window.minDays()), calendar.opens()));
            latestStart = calendar.closingOf(doseDate.plusDays(window.maxDays()));
        } else if (anchorInitialDoseAt != null && kind == AppointmentKind.INTEGRATION && sequence == 1) {
            latestStart = anchorInitialDoseAt.plus(plan.integration().firstWithin());
        }
        return new SlotRequest(duration(kind), roomReservation(kind), calendar.opens(), earliest, latestStart, rooms,
                team.therapistIds());
    }

    public Duration duration(AppointmentKind kind) {
        return switch (kind) {
            case PREPARATORY -> plan.preparation().duration();
            case DOSING -> plan.dosing().duration();
            case INTEGRATION -> plan.integration().duration();
        };
    }

    public Duration roomReservation(AppointmentKind kind) {
        return kind == AppointmentKind.DOSING ? plan.dosing().roomReservation() : duration(kind);
    }

    private static Instant latest(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
