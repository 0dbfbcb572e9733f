package io.waypoint.scheduling.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dosing rules of one protocol profile ({@code waypoint.protocols.<profile>.dosing}): every number is
 * configuration.
 *
 * @param maxSessions        dosing sessions per course
 * @param window             days between one session's initial dose and the next session
 * @param initialDosesMg     allowed initial doses per dosing session number (1-based)
 * @param supplemental       the optional supplemental dose
 * @param sessionMaximumMg   the most a session may total
 * @param minimumMonitoring  monitoring after the initial dose before discharge
 * @param vitalLimits        vital signs above these are out of range
 * @param overnightStayRequired whether a dosing session ends with an overnight stay at the site
 */
public record DosingProfile(int maxSessions, DosingWindow window, Map<Integer, List<BigDecimal>> initialDosesMg,
                            Supplemental supplemental, BigDecimal sessionMaximumMg, Duration minimumMonitoring,
                            VitalLimits vitalLimits, boolean overnightStayRequired) {

    public DosingProfile {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("max-sessions must be at least 1");
        }
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(initialDosesMg, "initial-doses-mg");
        Objects.requireNonNull(supplemental, "supplemental");
        Objects.requireNonNull(sessionMaximumMg, "session-maximum-mg");
        Objects.requireNonNull(minimumMonitoring, "minimum-monitoring");
        Objects.requireNonNull(vitalLimits, "vital-limits");
        for (int session = 1; session <= maxSessions; session++) {
            List<BigDecimal> allowed = initialDosesMg.get(session);
            if (allowed == null || allowed.isEmpty()) {
                throw new IllegalArgumentException("initial-doses-mg has no doses for session " + session);
            }
        }
        initialDosesMg = Map.copyOf(initialDosesMg);
    }

    /** The initial doses allowed in dosing session {@code dosingNumber}, ascending. */
    public List<BigDecimal> allowedInitialDoses(int dosingNumber) {
        return initialDosesMg.getOrDefault(dosingNumber, List.of()).stream().sorted().toList();
    }

    /** Days between the previous session's initial dose and the next dosing session. */
    public record DosingWindow(int minDays, int targetDays, int maxDays) {
        public DosingWindow {
            if (minDays < 0 || minDays > targetDays || targetDays > maxDays) {
                throw new IllegalArgumentException("A dosing window needs 0 <= min-days <= target-days <= max-days");
            }
        }
    }

    /**
     * @param maxDoses          supplemental doses allowed per session
     * @param fractionOfInitial the supplemental dose is exactly this fraction of the initial dose
     * @param minMinutes        earliest minute after the initial dose
     * @param maxMinutes        latest minute after the initial dose (inclusive, to the second)
     * @param vitalsWithin      the supplemental dose needs vital signs within limits measured at most this long before it
     */
    public record Supplemental(int maxDoses, BigDecimal fractionOfInitial, int minMinutes, int maxMinutes,
                               Duration vitalsWithin) {
        public Supplemental {
            Objects.requireNonNull(fractionOfInitial, "fraction-of-initial");
            Objects.requireNonNull(vitalsWithin, "vitals-within");
            if (maxDoses < 0 || minMinutes < 0 || minMinutes > maxMinutes) {
                throw new IllegalArgumentException("A supplemental dose needs max-doses >= 0 and min-minutes <= max-minutes");
            }
            if (vitalsWithin.isNegative() || vitalsWithin.isZero()) {
                throw new IllegalArgumentException("vitals-within must be positive");
            }
        }

        public Duration earliest() {
            return Duration.ofMinutes(minMinutes);
        }

        public Duration latest() {
            return Duration.ofMinutes(maxMinutes);
        }
    }

    /** Upper limits; a value above its limit is out of range. */
    public record VitalLimits(int systolicMaxMmHg, int heartRateMaxBpm, BigDecimal temperatureMaxCelsius) {
        public VitalLimits {
            Objects.requireNonNull(temperatureMaxCelsius, "temperature-max-celsius");
        }
    }
}
