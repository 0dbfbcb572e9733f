package io.waypoint.intake.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.intake.eligibility.Age;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteZonesTest {

    private static final LocalDate BIRTH_DATE = LocalDate.of(2008, 3, 15);
    /** 23:30 in New York (EDT, UTC-4) on the eve of the 18th birthday: already the birthday in UTC. */
    private static final Instant EVE_OF_BIRTHDAY_IN_NEW_YORK = Instant.parse("2026-03-15T03:30:00Z");

    private final SiteZones zones = new SiteZones(ZoneOffset.UTC,
            Map.of("ny-clinic", ZoneId.of("America/New_York"), "tokyo-clinic", ZoneId.of("Asia/Tokyo")));

    @Test
    void theEveningBeforeAnEighteenthBirthdayInNewYorkIsStillSeventeenThoughItIsTheBirthdayInUtc() {
        LocalDate screenedOn = zones.dateAt("ny-clinic", EVE_OF_BIRTHDAY_IN_NEW_YORK);

        assertThat(screenedOn).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(Age.yearsOn(BIRTH_DATE, screenedOn)).isEqualTo(17);
        assertThat(Age.yearsOn(BIRTH_DATE, LocalDate.ofInstant(EVE_OF_BIRTHDAY_IN_NEW_YORK, ZoneOffset.UTC)))
                .as("on the UTC date").isEqualTo(18);
    }

    @Test
    void midnightOfTheBirthdayInNewYorkIsEighteen() {
        assertThat(Age.yearsOn(BIRTH_DATE, zones.dateAt("ny-clinic", Instant.parse("2026-03-15T04:00:00Z"))))
                .isEqualTo(18);
        assertThat(Age.yearsOn(BIRTH_DATE, zones.dateAt("ny-clinic", Instant.parse("2026-03-15T03:59:59Z"))))
                .isEqualTo(17);
    }

    @Test
    void aSiteEastOfUtcReachesTheBirthdayBeforeUtcDoes() {
        Instant tokyoMorningOfBirthday = Instant.parse("2026-03-14T16:00:00Z");

        assertThat(Age.yearsOn(BIRTH_DATE, zones.dateAt("tokyo-clinic", tokyoMorningOfBirthday))).isEqualTo(18);
        assertThat(Age.yearsOn(BIRTH_DATE, zones.dateAt("unlisted-site", tokyoMorningOfBirthday))).isEqualTo(17);
    }

    @Test
    void aSiteWithoutAZoneOfItsOwnUsesTheDefault() {
        assertThat(zones.zoneOf("unlisted-site")).isEqualTo(ZoneOffset.UTC);
        assertThat(zones.zoneOf("ny-clinic")).isEqualTo(ZoneId.of("America/New_York"));
    }
}
