package io.waypoint.scheduling.roster;

import io.waypoint.scheduling.appointment.AppointmentKind;
import java.util.Comparator;
import java.util.List;

/**
 * Which rooms an appointment may use, best first: a dosing session only a dosing-capable overnight room;
 * a talking session any room, therapy rooms before dosing rooms so those stay free for dosing.
 */
public final class RoomPreference {

    private RoomPreference() {
    }

    public static List<String> candidates(AppointmentKind kind, List<Room> rooms) {
        if (kind == AppointmentKind.DOSING) {
            return rooms.stream().filter(Room::suitsDosing).map(Room::roomId).sorted().toList();
        }
        return rooms.stream()
                .sorted(Comparator.comparing(Room::dosingCapable).thenComparing(Room::roomId))
                .map(Room::roomId)
                .toList();
    }
}
