package io.waypoint.intake.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The time zone of each site, where an instant becomes the calendar date that counts for the patient: the date of
 * a referral or of a screening (and so the age on it) is the date on the site's clock, not in UTC. A site without
 * a zone of its own uses the default zone.
 */
public final class SiteZones {

    private final ZoneId defaultZone;
    private final Map<String, ZoneId> bySite;

    public SiteZones(ZoneId defaultZone, Map<String, ZoneId> bySite) {
        this.defaultZone = defaultZone;
        this.bySite = Map.copyOf(bySite);
    }

    public ZoneId zoneOf(String siteId) {
        return bySite.getOrDefault(siteId, defaultZone);
    }

    /** The date at the site when {@code instant} happened. */
    public LocalDate dateAt(String siteId, Instant instant) {
        return LocalDate.ofInstant(instant, zoneOf(siteId));
    }
}
