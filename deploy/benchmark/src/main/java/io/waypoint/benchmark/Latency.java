package io.waypoint.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds (HdrHistogram, 3 significant digits, up to 1 hour), read out in milliseconds. */
final class Latency {

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Histogram histogram = new ConcurrentHistogram(HIGHEST_MICROS, 3);

    void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The given percentile in milliseconds, NaN without samples. */
    double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis >= 100 ? String.format("%.0f ms", millis) : String.format("%.1f ms", millis);
    }
}
