package io.waypoint.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollTest {

    @Test
    void returnsTheFirstValueTheProbeYields() {
        AtomicInteger calls = new AtomicInteger();
        String value = Poll.until("third call", Duration.ofSeconds(5), Duration.ofMillis(1),
                () -> calls.incrementAndGet() < 3 ? Optional.empty() : Optional.of("ready"));
        assertThat(value).isEqualTo("ready");
        assertThat(calls).hasValue(3);
    }

    @Test
    void failuresCountAsNotYet() {
        AtomicInteger calls = new AtomicInteger();
        int value = Poll.until("recovery", Duration.ofSeconds(5), Duration.ofMillis(1), () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IOException("connection refused");
            }
            return Optional.of(calls.get());
        });
        assertThat(value).isEqualTo(3);
    }

    @Test
    void timesOutWithinTheBoundNamingTheConditionAndTheLastFailure() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> Poll.until("the broker", Duration.ofMillis(300), Duration.ofMillis(20),
                () -> {
                    throw new IOException("connection refused");
                }))
                .isInstanceOf(Poll.TimeoutException.class)
                .hasMessageContaining("the broker not reached within 300 ms")
                .hasMessageContaining("connection refused")
                .hasCauseInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
    }

    @Test
    void anAbortEndsTheWaitAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> Poll.until("a dead process", Duration.ofSeconds(30), Duration.ofMillis(1), () -> {
            calls.incrementAndGet();
            throw new Poll.Abort("exited with code 1");
        })).isInstanceOf(Poll.Abort.class).hasMessage("exited with code 1");
        assertThat(calls).hasValue(1);
    }

    @Test
    void untilTrueWaitsForACondition() {
        AtomicInteger calls = new AtomicInteger();
        Poll.untilTrue("five calls", Duration.ofSeconds(5), () -> calls.incrementAndGet() == 5);
        assertThat(calls).hasValue(5);
        assertThatThrownBy(() -> Poll.untilTrue("never", Duration.ofMillis(50), () -> false))
                .isInstanceOf(Poll.TimeoutException.class)
                .hasMessageStartingWith("never not reached within 50 ms");
    }
}
