package io.waypoint.followup.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTitlesTest {

    private static final String JOURNEY = "5f0c7a2e-9b1d-4c4e-8f7a-1d2e3f4a5b6c";

    @Test
    void titlesNameTheJourneyByItsShortFormOnly() {
        List<String> titles = List.of(
                NotificationTitles.careTeamAssigned(JOURNEY),
                NotificationTitles.doseCompleted(JOURNEY, 2),
                NotificationTitles.adverseEvent(JOURNEY, true),
                NotificationTitles.obligationOverdue(JOURNEY, "INTEGRATION_1_WITHIN_24H"),
                NotificationTitles.safetyHold(JOURNEY, "CSSRS_POSITIVE"),
                NotificationTitles.sessionTomorrow(JOURNEY, "INTEGRATION", 1, 2,
                        Instant.parse("2026-03-03T09:00:00Z")));
        assertThat(titles).allSatisfy(title -> {
            assertThat(title).contains("5f0c7a2e");
            assertThat(title).doesNotContain(JOURNEY);
        });
    }

    @Test
    void aSessionReminderSaysWhichSessionAndWhen() {
        assertThat(NotificationTitles.sessionTomorrow(JOURNEY, "INTEGRATION", 1, 2,
                Instant.parse("2026-03-03T09:00:00Z")))
                .isEqualTo("Integration session 1 after dosing 2 at 2026-03-03 09:00 UTC, journey 5f0c7a2e");
        assertThat(NotificationTitles.sessionTomorrow(JOURNEY, "DOSING", 2, 2, Instant.parse("2026-03-30T08:00:00Z")))
                .isEqualTo("Dosing session 2 at 2026-03-30 08:00 UTC, journey 5f0c7a2e");
    }
}
