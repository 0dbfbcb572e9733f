package io.waypoint.scheduling.app;

import io.waypoint.scheduling.roster.Room;
import io.waypoint.scheduling.roster.Therapist;
import io.waypoint.scheduling.store.RosterStore;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic's therapists and rooms. */
@Service
public class RosterService {

    private final RosterStore roster;

    RosterService(RosterStore roster) {
        this.roster = roster;
    }

    @Transactional(readOnly = true)
    public List<Therapist> therapists() {
        return roster.therapists();
    }

    @Transactional(readOnly = true)
    public List<Room> rooms() {
        return roster.rooms();
    }

    /** True when the therapist is new. */
    @Transactional
    public boolean save(Therapist therapist) {
        return roster.upsert(therapist);
    }

    /** True when the room is new. */
    @Transactional
    public boolean save(Room room) {
        return roster.upsert(room);
    }

    /** Inserts or updates every configured therapist and room; running it again changes nothing. */
    @Transactional
    public void seed(List<Therapist> therapists, List<Room> rooms) {
        therapists.forEach(roster::upsert);
        rooms.forEach(roster::upsert);
    }
}
