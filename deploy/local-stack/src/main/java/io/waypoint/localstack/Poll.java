package io.waypoint.localstack;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Bounded polling: ask a probe until it yields a value, the probe gives up, or the time is over.
 * Every wait of the local stack goes through here, so nothing waits a fixed time for something it can observe.
 */
public final class Poll {

    /** One look at the awaited condition: a value when reached, empty when not yet. */
    @FunctionalInterface
    public interface Probe<T> {
        Optional<T> probe() throws Exception;
    }

    /** Thrown by a probe when waiting longer cannot help (a process died, a request was rejected). */
    public static final class Abort extends RuntimeException {
        public Abort(String message) {
            super(message);
        }

        public Abort(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The awaited condition was not reached in time. */
    public static final class TimeoutException extends RuntimeException {
        TimeoutException(String message, Throwable lastFailure) {
            super(message, lastFailure);
        }
    }

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    private Poll() {
    }

    public static <T> T until(String what, Duration timeout, Probe<T> probe) {
        return until(what, timeout, DEFAULT_INTERVAL, probe);
    }

    /**
     * Calls {@code probe} until it returns a value and returns that value. An exception from the probe counts as
     * "not yet" and is reported with the timeout, except {@link Abort}, which ends the wait at once.
     */
    public static <T> T until(String what, Duration timeout, Duration interval, Probe<T> probe) {
        Objects.requireNonNull(probe, "probe");
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            try {
                Optional<T> value = probe.probe();
                if (value != null && value.isPresent()) {
                    return value.get();
                }
            } catch (Abort abort) {
                throw abort;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abort("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                String detail = lastFailure == null ? "" : "; last failure: " + lastFailure;
                throw new TimeoutException(what + " not reached within " + timeout.toMillis() + " ms" + detail, lastFailure);
            }
            pause(Math.min(remaining, interval.toNanos()), what);
        }
    }

    /** Waits until {@code condition} holds. */
    public static void untilTrue(String what, Duration timeout, Condition condition) {
        until(what, timeout, DEFAULT_INTERVAL, () -> condition.holds() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private static void pause(long nanos, String what) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abort("interrupted while waiting for " + what, e);
        }
    }
}
