package io.waypoint.scheduling.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.scheduling.appointment.AppointmentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomPreferenceTest {

    static final List<Room> ROOMS = List.of(
            new Room("therapy-2", "Therapy 2", false, false),
            new Room("dosing-2", "Dosing 2", true, true),
            new Room("day-dosing", "Dosing without beds", true, false),
            new Room("therapy-1", "Therapy 1", false, false),
            new Room("dosing-1", "Dosing 1", true, true));

    @Test
    void aDosingSessionNeedsADosingCapableOvernightRoom() {
        assertThat(RoomPreference.candidates(AppointmentKind.DOSING, ROOMS)).containsExactly("dosing-1", "dosing-2");
    }

    @Test
    void talkingSessionsPreferTherapyRoomsAndKeepDosingRoomsForLast() {
        assertThat(RoomPreference.candidates(AppointmentKind.PREPARATORY, ROOMS))
                .containsExactly("therapy-1", "therapy-2", "day-dosing", "dosing-1", "dosing-2");
        assertThat(RoomPreference.candidates(AppointmentKind.INTEGRATION, ROOMS).getFirst()).isEqualTo("therapy-1");
    }
}
