package io.waypoint.intake.config;

import io.waypoint.intake.journey.SiteZones;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code defaultProtocol}: the profile a journey follows from its first screening on. {@code defaultZone} and
 * {@code sites.<siteId>.zone}: the zone of each site, in which a referral's or a screening's instant becomes the
 * calendar date that counts (a patient's age is computed on the site's date); sites not listed use the default.
 */
@Validated
@ConfigurationProperties("waypoint.intake")
record IntakeProperties(@NotBlank String defaultProtocol, @NotNull @DefaultValue("UTC") ZoneId defaultZone,
                        Map<String, @Valid Site> sites) {

    IntakeProperties {
        sites = sites == null ? Map.of() : Map.copyOf(sites);
    }

    /** One site's settings. */
    record Site(@NotNull ZoneId zone) {
    }

    SiteZones siteZones() {
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        sites.forEach((siteId, site) -> zones.put(siteId, site.zone()));
        return new SiteZones(defaultZone, zones);
    }
}
