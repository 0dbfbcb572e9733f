package io.waypoint.followup.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReminderWindowTest {

    private static final ReminderWindow WINDOW = new ReminderWindow(Duration.ofHours(24));
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aSessionStartingExactlyAtTheLeadTimeIsReminded() {
        assertThat(WINDOW.due(NOW.plus(Duration.ofHours(24)), NOW)).isTrue();
    }

    @Test
    void aSessionStartingJustAfterTheLeadTimeIsNotRemindedYet() {
        assertThat(WINDOW.due(NOW.plus(Duration.ofHours(24)).plusMillis(1), NOW)).isFalse();
    }

    @Test
    void aSessionStartingNowOrEarlierIsNeverReminded() {
        assertThat(WINDOW.due(NOW, NOW)).isFalse();
        assertThat(WINDOW.due(NOW.minusSeconds(60), NOW)).isFalse();
        assertThat(WINDOW.due(NOW.plusMillis(1), NOW)).isTrue();
    }
}
