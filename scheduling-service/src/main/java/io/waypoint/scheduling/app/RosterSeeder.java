package io.waypoint.scheduling.app;

import io.waypoint.scheduling.config.ClinicProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Seeds the roster from {@code waypoint.clinic} once the database is migrated and before the event bindings
 * start, so the first enrollment already finds its therapists and rooms.
 */
@Component
class RosterSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RosterSeeder.class);

    private final RosterService roster;
    private final ClinicProperties clinic;

    RosterSeeder(RosterService roster, ClinicProperties clinic) {
        this.roster = roster;
        this.clinic = clinic;
    }

    @Override
    public void afterSingletonsInstantiated() {
        roster.seed(clinic.seededTherapists(), clinic.seededRooms());
        log.info("Roster seeded: {} therapists, {} rooms", clinic.therapists().size(), clinic.rooms().size());
    }
}
