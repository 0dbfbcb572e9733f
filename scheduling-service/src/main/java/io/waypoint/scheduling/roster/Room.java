package io.waypoint.scheduling.roster;

import java.util.Objects;

/** A room of the clinic. Dosing sessions need a dosing-capable room where the patient can stay overnight. */
public record Room(String roomId, String name, boolean dosingCapable, boolean overnight) {

    public Room {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(name, "name");
    }

    public boolean suitsDosing() {
        return dosingCapable && overnight;
    }
}
