package io.waypoint.followup.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverdueRuleTest {

    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final OverdueRule RULE = new OverdueRule(GRACE);
    private static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    private static final Instant LONG_KNOWN = NOW.minus(Duration.ofDays(2));

    @Test
    void anObligationDueExactlyNowIsNotYetOverdue() {
        assertThat(RULE.isOverdue(NOW, LONG_KNOWN, NOW)).isFalse();
    }

    @Test
    void anObligationDueAMillisecondAgoIsOverdue() {
        assertThat(RULE.isOverdue(NOW.minusMillis(1), LONG_KNOWN, NOW)).isTrue();
    }

    @Test
    void aPastDueObligationKnownForLessThanTheGraceIsNotFlagged() {
        Instant due = NOW.minus(Duration.ofDays(1));
        assertThat(RULE.isOverdue(due, NOW.minus(GRACE).plusSeconds(1), NOW)).isFalse();
    }

    @Test
    void aPastDueObligationKnownForExactlyTheGraceIsFlagged() {
        Instant due = NOW.minus(Duration.ofDays(1));
        assertThat(RULE.isOverdue(due, NOW.minus(GRACE), NOW)).isTrue();
        assertThat(RULE.knownBy(NOW)).isEqualTo(NOW.minus(GRACE));
    }

    @Test
    void aNegativeGraceIsRefused() {
        assertThatThrownBy(() -> new OverdueRule(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
