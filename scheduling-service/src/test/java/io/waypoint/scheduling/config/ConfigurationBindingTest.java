package io.waypoint.scheduling.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.scheduling.dosing.DosingProfile;
import io.waypoint.scheduling.plan.ClinicCalendar;
import io.waypoint.scheduling.protocol.ProtocolProfile;
import io.waypoint.scheduling.protocol.Protocols;
import io.waypoint.scheduling.roster.Room;
import io.waypoint.scheduling.roster.Therapist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The shipped protocols.yml, clinic.yml and application.yml, over the platform's defaults, bind to the profiles,
 * calendar and settings used.
 */
class ConfigurationBindingTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(ctx -> {
                YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
                for (String file : List.of("protocols.yml", "clinic.yml", "application.yml")) {
                    try {
                        loader.load(file, new ClassPathResource(file))
                                .forEach(source -> ctx.getEnvironment().getPropertySources().addLast(source));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                try {
                    ctx.getEnvironment().getPropertySources().addLast(new ResourcePropertySource(
                            new ClassPathResource("waypoint-platform-defaults.properties")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .withUserConfiguration(SchedulingConfiguration.class);

    static List<BigDecimal> mg(int... amounts) {
        return java.util.Arrays.stream(amounts).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void mapp1StartsAtEightyMilligramsAndAllowsTheSupplementalDoseUpTo150Minutes() {
        context.run(ctx -> {
            ProtocolProfile mapp1 = ctx.getBean(Protocols.class).get("mapp1");
            DosingProfile dosing = mapp1.dosing();
            assertThat(dosing.allowedInitialDoses(1)).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(mg(80));
            assertThat(dosing.allowedInitialDoses(2)).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(mg(80, 120));
            assertThat(dosing.allowedInitialDoses(3)).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(mg(80, 120));
            assertThat(dosing.supplemental()).isEqualTo(new DosingProfile.Supplemental(1, new BigDecimal("0.5"), 90, 150,
                    Duration.ofMinutes(30)));
            assertThat(dosing.overnightStayRequired()).isTrue();
            assertThat(dosing.maxSessions()).isEqualTo(3);
            assertThat(dosing.window()).isEqualTo(new DosingProfile.DosingWindow(21, 28, 35));
            assertThat(dosing.sessionMaximumMg()).isEqualByComparingTo("180");
            assertThat(dosing.minimumMonitoring()).isEqualTo(Duration.ofHours(8));
            assertThat(dosing.vitalLimits().systolicMaxMmHg()).isEqualTo(160);
            assertThat(dosing.vitalLimits().heartRateMaxBpm()).isEqualTo(100);
            assertThat(dosing.vitalLimits().temperatureMaxCelsius()).isEqualByComparingTo("38.0");
            assertThat(mapp1.plan().preparation().sessions()).isEqualTo(3);
            assertThat(mapp1.plan().preparation().startTime()).isEqualTo(LocalTime.of(10, 0));
            assertThat(mapp1.plan().dosing().duration()).isEqualTo(Duration.ofHours(8));
            assertThat(mapp1.plan().integration().dayOffsets()).containsExactly(1, 7, 14);
            assertThat(mapp1.plan().integration().firstWithin()).isEqualTo(Duration.ofHours(24));
        });
    }

    @Test
    void mapp2AllowsEightyOrOneHundredTwentyAlwaysAndTheSupplementalDoseUpTo120Minutes() {
        context.run(ctx -> {
            DosingProfile dosing = ctx.getBean(Protocols.class).get("mapp2").dosing();
            for (int session = 1; session <= 3; session++) {
                assertThat(dosing.allowedInitialDoses(session)).usingElementComparator(BigDecimal::compareTo)
                        .containsExactlyElementsOf(mg(80, 120));
            }
            assertThat(dosing.supplemental().maxMinutes()).isEqualTo(120);
            assertThat(dosing.supplemental().minMinutes()).isEqualTo(90);
            assertThat(dosing.supplemental().vitalsWithin()).isEqualTo(Duration.ofMinutes(30));
            assertThat(dosing.overnightStayRequired()).isTrue();
        });
    }

    @Test
    void commandsAllowFiveMinutesOfClockSkewAndIdempotencyKeysOfUpTo200Characters() {
        context.run(ctx -> {
            SchedulingProperties properties = ctx.getBean(SchedulingProperties.class);
            assertThat(properties.clockSkew()).isEqualTo(Duration.ofMinutes(5));
            assertThat(ctx.getEnvironment().getProperty("waypoint.idempotency.max-key-length", Integer.class))
                    .isEqualTo(200);
        });
    }

    @Test
    void theClinicHasItsCalendarAndASeedRoster() {
        context.run(ctx -> {
            ClinicCalendar calendar = ctx.getBean(ClinicCalendar.class);
            assertThat(calendar.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
            assertThat(calendar.opens()).isEqualTo(LocalTime.of(8, 0));
            assertThat(calendar.closes()).isEqualTo(LocalTime.of(18, 0));
            ClinicProperties clinic = ctx.getBean(ClinicProperties.class);
            List<Therapist> therapists = clinic.seededTherapists();
            assertThat(therapists).filteredOn(Therapist::leadQualified).hasSizeGreaterThanOrEqualTo(2);
            assertThat(therapists).filteredOn(t -> !t.leadQualified()).hasSizeGreaterThanOrEqualTo(3);
            List<Room> rooms = clinic.seededRooms();
            assertThat(rooms).filteredOn(Room::suitsDosing).hasSize(2);
            assertThat(rooms).filteredOn(r -> !r.dosingCapable()).hasSize(2);
        });
    }
}
