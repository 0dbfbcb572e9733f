package io.waypoint.scheduling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotFinderTest {

    static final ZoneId SITE = ZoneId.of("America/New_York");
    static final ClinicCalendar EVERY_DAY = new ClinicCalendar(SITE, LocalTime.of(8, 0), LocalTime.of(18, 0),
            EnumSet.allOf(DayOfWeek.class), Duration.ofMinutes(30), 60);
    static final Duration NINETY = Duration.ofMinutes(90);
    static final List<String> TEAM = List.of("lead", "co");
    static final List<String> ROOMS = List.of("room-a", "room-b");

    final SlotFinder finder = new SlotFinder(EVERY_DAY);

    /** Site time in April 2026. */
    static Instant april(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 4, day, hour, minute, 0, 0, SITE).toInstant();
    }

    static SlotRequest talk(Instant earliest, Instant latestStart) {
        return new SlotRequest(NINETY, NINETY, LocalTime.of(10, 0), earliest, latestStart, ROOMS, TEAM);
    }

    static Booking booking(String room, List<String> therapists, Instant start, Duration length) {
        return new Booking("existing", room, therapists, start, start.plus(length), start.plus(length));
    }

    @Test
    void takesTheDayStartWhenEverythingIsFree() {
        Optional<Slot> slot = finder.find(talk(april(6, 0, 0), null), new Occupancy());
        assertThat(slot).contains(new Slot(april(6, 10, 0), april(6, 11, 30), april(6, 11, 30), "room-a"));
    }

    @Test
    void aBusyTherapistMovesTheSessionToTheNextStepAfterTheirAppointment() {
        Occupancy occupancy = Occupancy.of(List.of(booking("elsewhere", List.of("co", "other"), april(6, 10, 0), NINETY)));
        assertThat(finder.find(talk(april(6, 0, 0), null), occupancy)).get()
                .extracting(Slot::start).isEqualTo(april(6, 11, 30));
    }

    @Test
    void aBusyRoomGivesWayToTheNextSuitableRoom() {
        Occupancy occupancy = Occupancy.of(List.of(booking("room-a", List.of("x", "y"), april(6, 10, 0), NINETY)));
        Optional<Slot> slot = finder.find(talk(april(6, 0, 0), null), occupancy);
        assertThat(slot).get().extracting(Slot::start, Slot::roomId).containsExactly(april(6, 10, 0), "room-b");
    }

    @Test
    void whenEveryRoomIsBusyTheNextStepIsTried() {
        Occupancy occupancy = Occupancy.of(List.of(
                booking("room-a", List.of("x", "y"), april(6, 10, 0), Duration.ofMinutes(30)),
                booking("room-b", List.of("x", "y"), april(6, 10, 0), Duration.ofMinutes(60))));
        assertThat(finder.find(talk(april(6, 0, 0), null), occupancy)).get()
                .extracting(Slot::start, Slot::roomId).containsExactly(april(6, 10, 30), "room-a");
    }

    @Test
    void aSessionEndsByClosingTimeOrMovesToTheNextDay() {
        SlotRequest late = new SlotRequest(NINETY, NINETY, LocalTime.of(16, 0), april(6, 0, 0), null, ROOMS, TEAM);
        Occupancy occupancy = Occupancy.of(List.of(booking("x", TEAM, april(6, 16, 0), Duration.ofMinutes(30))));
        assertThat(finder.find(late, occupancy)).get().extracting(Slot::start, Slot::end)
                .containsExactly(april(6, 16, 30), april(6, 18, 0));
        Occupancy fullAfternoon = Occupancy.of(List.of(booking("x", TEAM, april(6, 16, 0), Duration.ofMinutes(90))));
        assertThat(finder.find(late, fullAfternoon)).get().extracting(Slot::start).isEqualTo(april(7, 16, 0));
    }

    @Test
    void noStartAfterTheLatestStart() {
        Occupancy occupancy = Occupancy.of(List.of(booking("x", TEAM, april(6, 10, 0), Duration.ofMinutes(390))));
        assertThat(finder.find(talk(april(6, 0, 0), april(6, 16, 0)), occupancy)).isEmpty();
        assertThat(finder.find(talk(april(6, 0, 0), april(6, 16, 30)), occupancy)).get()
                .extracting(Slot::start).isEqualTo(april(6, 16, 30));
    }

    @Test
    void anEarliestInstantAfterTheDayStartIsItselfTheFirstCandidate() {
        assertThat(finder.find(talk(april(6, 13, 15), null), new Occupancy())).get()
                .extracting(Slot::start).isEqualTo(april(6, 13, 15));
    }

    @Test
    void closedDaysAreSkipped() {
        ClinicCalendar weekdays = new ClinicCalendar(SITE, LocalTime.of(8, 0), LocalTime.of(18, 0),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                Duration.ofMinutes(30), 60);
        // 4 April 2026 is a Saturday
        assertThat(new SlotFinder(weekdays).find(talk(april(4, 0, 0), null), new Occupancy())).get()
                .extracting(Slot::start).isEqualTo(april(6, 10, 0));
    }

    @Test
    void anOvernightReservationHoldsTheRoomUntilTheNextMorning() {
        Duration eightHours = Duration.ofHours(8);
        Duration overnight = Duration.ofHours(24);
        Occupancy occupancy = Occupancy.of(List.of(new Booking("dosing", "room-a", List.of("x", "y"), april(6, 9, 0),
                april(6, 17, 0), april(7, 9, 0))));
        SlotRequest dosing = new SlotRequest(eightHours, overnight, LocalTime.of(9, 0), april(6, 0, 0), null,
                List.of("room-a"), TEAM);
        assertThat(finder.find(dosing, occupancy)).get().extracting(Slot::start, Slot::roomReservedUntil)
                .containsExactly(april(7, 9, 0), april(8, 9, 0));
    }

    @Test
    void startTimesFollowTheSiteClockAcrossDaylightSavingTime() {
        // clocks in New York go forward on 8 March 2026
        Instant beforeChange = ZonedDateTime.of(2026, 3, 7, 12, 0, 0, 0, SITE).toInstant();
        Occupancy occupancy = Occupancy.of(List.of(
                booking("x", TEAM, beforeChange.minus(Duration.ofHours(2)), Duration.ofHours(8)),
                booking("x", TEAM, ZonedDateTime.of(2026, 3, 8, 10, 0, 0, 0, SITE).toInstant(), Duration.ofHours(8))));
        assertThat(finder.find(talk(beforeChange, null), occupancy)).get().extracting(Slot::start)
                .isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
    }

    @Test
    void givenDatesAreTriedInTheirOrder() {
        SlotRequest request = talk(april(1, 0, 0), april(30, 18, 0));
        Occupancy tenthTaken = Occupancy.of(List.of(booking("x", TEAM, april(10, 8, 0), Duration.ofHours(10))));
        List<java.time.LocalDate> order = List.of(java.time.LocalDate.of(2026, 4, 10),
                java.time.LocalDate.of(2026, 4, 9), java.time.LocalDate.of(2026, 4, 11));
        assertThat(finder.find(request, order, tenthTaken)).get().extracting(Slot::start).isEqualTo(april(9, 10, 0));
        assertThat(finder.find(request, order, new Occupancy())).get().extracting(Slot::start)
                .isEqualTo(april(10, 10, 0));
    }

    @Test
    void givenDatesStillKeepToTheEarliestAndLatestStart() {
        SlotRequest request = talk(april(9, 12, 0), april(11, 10, 0));
        List<java.time.LocalDate> order = List.of(java.time.LocalDate.of(2026, 4, 8),
                java.time.LocalDate.of(2026, 4, 9));
        assertThat(finder.find(request, order, new Occupancy())).get().extracting(Slot::start)
                .isEqualTo(april(9, 12, 0));
        Occupancy eleventhMorning = Occupancy.of(List.of(booking("x", TEAM, april(11, 8, 0), Duration.ofHours(3))));
        assertThat(finder.find(request, List.of(java.time.LocalDate.of(2026, 4, 11)), eleventhMorning)).isEmpty();
    }

    @Test
    void nothingFreeWithinTheHorizonFindsNothing() {
        ClinicCalendar shortHorizon = new ClinicCalendar(SITE, LocalTime.of(8, 0), LocalTime.of(18, 0), null,
                Duration.ofMinutes(30), 1);
        Occupancy occupancy = Occupancy.of(List.of(booking("x", TEAM, april(6, 8, 0), Duration.ofDays(2))));
        assertThat(new SlotFinder(shortHorizon).find(talk(april(6, 0, 0), null), occupancy)).isEmpty();
    }
}
