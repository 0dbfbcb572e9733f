package io.waypoint.scheduling.config;

import io.waypoint.scheduling.plan.ClinicCalendar;
import io.waypoint.scheduling.roster.Room;
import io.waypoint.scheduling.roster.Therapist;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code waypoint.clinic.*}: the site's calendar and the roster seeded at start-up. */
@ConfigurationProperties("waypoint.clinic")
public record ClinicProperties(ZoneId timeZone, LocalTime opens, LocalTime closes, Set<DayOfWeek> openDays,
                               Duration slotStep, int searchHorizonDays, List<TherapistSeed> therapists,
                               List<RoomSeed> rooms) {

    public ClinicProperties {
        therapists = therapists == null ? List.of() : List.copyOf(therapists);
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }

    public ClinicCalendar calendar() {
        return new ClinicCalendar(timeZone, opens, closes, openDays, slotStep, searchHorizonDays);
    }

    public List<Therapist> seededTherapists() {
        return therapists.stream().map(t -> new Therapist(t.id(), t.displayName(), t.leadQualified())).toList();
    }

    public List<Room> seededRooms() {
        return rooms.stream().map(r -> new Room(r.id(), r.name(), r.dosingCapable(), r.overnight())).toList();
    }

    public record TherapistSeed(String id, String displayName, boolean leadQualified) {
    }

    public record RoomSeed(String id, String name, boolean dosingCapable, boolean overnight) {
    }
}
