package io.waypoint.scheduling.api;

import io.waypoint.scheduling.roster.Room;
import io.waypoint.scheduling.roster.Therapist;
import io.waypoint.scheduling.app.RosterService;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The clinic's therapists and rooms: seeded from configuration, editable here (201 new, 200 updated). */
@RestController
@RequestMapping("/api/v1")
class RosterController {

    private final RosterService roster;

    RosterController(RosterService roster) {
        this.roster = roster;
    }

    @GetMapping("/therapists")
    public List<Therapist> therapists() {
        return roster.therapists();
    }

    @PostMapping("/therapists")
    public ResponseEntity<Therapist> saveTherapist(@Valid @RequestBody Requests.TherapistRecord request) {
        Therapist therapist = new Therapist(request.therapistId(), request.displayName(), request.leadQualified());
        return ResponseEntity.status(roster.save(therapist) ? HttpStatus.CREATED : HttpStatus.OK).body(therapist);
    }

    @GetMapping("/rooms")
    public List<Room> rooms() {
        return roster.rooms();
    }

    @PostMapping("/rooms")
    public ResponseEntity<Room> saveRoom(@Valid @RequestBody Requests.RoomRecord request) {
        Room room = new Room(request.roomId(), request.name(), request.dosingCapable(), request.overnight());
        return ResponseEntity.status(roster.save(room) ? HttpStatus.CREATED : HttpStatus.OK).body(room);
    }
}
