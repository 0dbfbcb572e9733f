package io.waypoint.scheduling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.dosing.DosingProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoursePlannerTest {

    static final ZoneId SITE = ZoneId.of("America/New_York");
    static final ClinicCalendar CALENDAR = new ClinicCalendar(SITE, LocalTime.of(8, 0), LocalTime.of(18, 0), null,
            Duration.ofMinutes(30), 60);
    static final CoursePlan PLAN = new CoursePlan(
            new CoursePlan.Preparation(3, Duration.ofMinutes(90), LocalTime.of(10, 0), 7, 7),
            new CoursePlan.DosingSessions(Duration.ofHours(8), Duration.ofHours(24), LocalTime.of(9, 0), 7),
            new CoursePlan.Integration(Duration.ofMinutes(90), LocalTime.of(9, 0), List.of(1, 7, 14), Duration.ofHours(24)));
    static final CareTeam TEAM = new CareTeam("lead", "co");
    static final List<String> ROOMS = List.of("room");

    final CoursePlanner planner = new CoursePlanner(PLAN, new DosingProfile.DosingWindow(21, 28, 35), CALENDAR);

    static Instant site(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, SITE).toInstant();
    }

    @Test
    void preparatorySessionsFollowEnrollmentAtTheConfiguredSpacing() {
        Instant enrolled = site(3, 2, 10, 0);
        assertThat(planner.preparatory(1, enrolled, enrolled, TEAM, ROOMS).earliest()).isEqualTo(site(3, 9, 10, 0));
        assertThat(planner.preparatory(2, enrolled, enrolled, TEAM, ROOMS).earliest()).isEqualTo(site(3, 16, 10, 0));
        assertThat(planner.preparatory(3, enrolled, enrolled, TEAM, ROOMS).earliest()).isEqualTo(site(3, 23, 10, 0));
    }

    @Test
    void aSessionNeverStartsBeforeThePreviousOneEnded() {
        Instant enrolled = site(3, 2, 10, 0);
        SlotRequest second = planner.preparatory(2, enrolled, site(3, 17, 11, 30), TEAM, ROOMS);
        assertThat(second.earliest()).isEqualTo(site(3, 17, 11, 30));
        assertThat(second.therapistIds()).containsExactly("lead", "co");
        assertThat(second.duration()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void theFirstDosingSessionFollowsTheLastPreparatorySession() {
        SlotRequest dosing = planner.firstDosing(site(3, 23, 10, 0), site(3, 23, 11, 30), TEAM, ROOMS);
        assertThat(dosing.earliest()).isEqualTo(site(3, 30, 9, 0));
        assertThat(dosing.duration()).isEqualTo(Duration.ofHours(8));
        assertThat(dosing.roomReservation()).isEqualTo(Duration.ofHours(24));
        assertThat(dosing.latestStart()).isNull();
    }

    @Test
    void theFirstIntegrationSessionIsSoughtFromTheNextDaysOpeningUntilADayAfterTheInitialDose() {
        Instant dose = site(3, 30, 9, 30);
        SlotRequest first = planner.integration(1, dose, TEAM, ROOMS);
        assertThat(first.earliest()).isEqualTo(site(3, 31, 8, 0));
        assertThat(first.dayStart()).isEqualTo(LocalTime.of(8, 0));
        assertThat(first.latestStart()).isEqualTo(dose.plus(Duration.ofHours(24)));
    }

    @Test
    void theFirstIntegrationSessionTakesAnyFreeStartBeforeItsDeadline() {
        Instant dose = site(3, 30, 9, 30);
        Occupancy busyFromHalfPastNine = Occupancy.of(List.of(new Booking("other", "elsewhere", List.of("lead", "x"),
                site(3, 31, 9, 30), site(3, 31, 11, 0), site(3, 31, 11, 0))));
        SlotFinder finder = new SlotFinder(CALENDAR);
        assertThat(finder.find(planner.integration(1, dose, TEAM, ROOMS), busyFromHalfPastNine)).get()
                .extracting(Slot::start).isEqualTo(site(3, 31, 8, 0));
        Occupancy busyMorning = Occupancy.of(List.of(new Booking("other", "elsewhere", List.of("lead", "x"),
                site(3, 31, 7, 0), site(3, 31, 9, 30), site(3, 31, 9, 30))));
        assertThat(finder.find(planner.integration(1, dose, TEAM, ROOMS), busyMorning)).get()
                .extracting(Slot::start).isEqualTo(site(3, 31, 9, 30));
        Occupancy busyUntilTen = Occupancy.of(List.of(new Booking("other", "elsewhere", List.of("lead", "x"),
                site(3, 31, 7, 0), site(3, 31, 10, 0), site(3, 31, 10, 0))));
        assertThat(finder.find(planner.integration(1, dose, TEAM, ROOMS), busyUntilTen)).isEmpty();
    }

    @Test
    void laterIntegrationSessionsFollowAtTheirDayOffsets() {
        Instant dose = site(3, 30, 9, 30);
        assertThat(planner.integration(2, dose, TEAM, ROOMS).earliest()).isEqualTo(site(4, 6, 9, 0));
        assertThat(planner.integration(3, dose, TEAM, ROOMS).earliest()).isEqualTo(site(4, 13, 9, 0));
        assertThat(planner.integration(3, dose, TEAM, ROOMS).latestStart()).isNull();
    }

    @Test
    void theNextDosingSessionIsSoughtWithinTheWholeWindow() {
        Instant dose = site(3, 30, 9, 30);
        SlotRequest next = planner.nextDosing(dose, TEAM, ROOMS);
        assertThat(next.earliest()).isEqualTo(site(4, 20, 9, 0));
        assertThat(next.latestStart()).isEqualTo(site(5, 4, 18, 0));
        assertThat(next.dayStart()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void theNextDosingSessionTriesTheTargetDayThenOutwardsInBothDirections() {
        Instant dose = site(3, 30, 9, 30);
        List<LocalDate> days = planner.nextDosingDays(dose);
        LocalDate doseDay = LocalDate.of(2026, 3, 30);
        assertThat(days.subList(0, 5)).containsExactly(doseDay.plusDays(28), doseDay.plusDays(27),
                doseDay.plusDays(29), doseDay.plusDays(26), doseDay.plusDays(30));
        assertThat(days).hasSize(15).doesNotHaveDuplicates()
                .allSatisfy(day -> assertThat(day).isBetween(doseDay.plusDays(21), doseDay.plusDays(35)));
        assertThat(days.subList(13, 15)).containsExactly(doseDay.plusDays(21), doseDay.plusDays(35));
    }

    @Test
    void aTakenTargetDayGivesTheNextDosingSessionTheDayBeforeRatherThanAfter() {
        Instant dose = site(3, 30, 9, 30);
        Occupancy targetTaken = Occupancy.of(List.of(new Booking("other", "elsewhere", List.of("co", "x"),
                site(4, 27, 8, 0), site(4, 27, 18, 0), site(4, 27, 18, 0))));
        SlotRequest next = planner.nextDosing(dose, TEAM, ROOMS);
        assertThat(new SlotFinder(CALENDAR).find(next, planner.nextDosingDays(dose), targetTaken)).get()
                .extracting(Slot::start).isEqualTo(site(4, 26, 9, 0));
        assertThat(new SlotFinder(CALENDAR).find(next, planner.nextDosingDays(dose), new Occupancy())).get()
                .extracting(Slot::start).isEqualTo(site(4, 27, 9, 0));
    }

    @Test
    void aWindowWithTheTargetAtItsEndIsSearchedBackwards() {
        CoursePlanner late = new CoursePlanner(PLAN, new DosingProfile.DosingWindow(21, 35, 35), CALENDAR);
        LocalDate doseDay = LocalDate.of(2026, 3, 30);
        assertThat(late.nextDosingDays(site(3, 30, 9, 30))).startsWith(doseDay.plusDays(35), doseDay.plusDays(34),
                doseDay.plusDays(33)).hasSize(15);
    }

    @Test
    void aMovedLaterDosingSessionStaysInsideItsWindow() {
        Instant dose = site(3, 30, 9, 30);
        SlotRequest tooEarly = planner.reschedule(AppointmentKind.DOSING, 2, site(4, 10, 9, 0), dose, TEAM, ROOMS);
        assertThat(tooEarly.earliest()).isEqualTo(site(4, 20, 8, 0));
        assertThat(tooEarly.latestStart()).isEqualTo(site(5, 4, 18, 0));
        assertThat(tooEarly.dayStart()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void aMovedFirstIntegrationSessionStaysWithinADayOfItsDose() {
        Instant dose = site(3, 30, 9, 30);
        SlotRequest moved = planner.reschedule(AppointmentKind.INTEGRATION, 1, site(3, 31, 8, 0), dose, TEAM, ROOMS);
        assertThat(moved.earliest()).isEqualTo(site(3, 31, 8, 0));
        assertThat(moved.latestStart()).isEqualTo(dose.plus(Duration.ofHours(24)));
    }

    @Test
    void aMovedPreparatorySessionGoesToTheRequestedStartOrLater() {
        SlotRequest moved = planner.reschedule(AppointmentKind.PREPARATORY, 2, site(3, 18, 14, 0), null, TEAM, ROOMS);
        assertThat(moved.earliest()).isEqualTo(site(3, 18, 14, 0));
        assertThat(moved.latestStart()).isNull();
        assertThat(moved.duration()).isEqualTo(Duration.ofMinutes(90));
    }
}
