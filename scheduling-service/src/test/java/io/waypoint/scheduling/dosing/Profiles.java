package io.waypoint.scheduling.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Dosing profiles shaped like the shipped mapp1 and mapp2 configuration, built directly for rule tests. */
final class Profiles {

    private Profiles() {
    }

    static BigDecimal mg(String amount) {
        return new BigDecimal(amount);
    }

    static DosingProfile mapp1() {
        return profile(Map.of(1, List.of(mg("80")), 2, List.of(mg("80"), mg("120")), 3, List.of(mg("80"), mg("120"))),
                150);
    }

    static DosingProfile mapp2() {
        List<BigDecimal> flexible = List.of(mg("80"), mg("120"));
        return profile(Map.of(1, flexible, 2, flexible, 3, flexible), 120);
    }

    static DosingProfile withInitialDoses(List<BigDecimal> doses) {
        return profile(Map.of(1, doses, 2, doses, 3, doses), 120);
    }

    /** Like mapp2, but with {@code maxDoses} supplemental doses allowed per session. */
    static DosingProfile withSupplementalDoses(int maxDoses) {
        List<BigDecimal> flexible = List.of(mg("80"), mg("120"));
        return profile(Map.of(1, flexible, 2, flexible, 3, flexible), maxDoses, 120, true);
    }

    /** Like mapp2, but without an overnight stay. */
    static DosingProfile withoutOvernightStay() {
        List<BigDecimal> flexible = List.of(mg("80"), mg("120"));
        return profile(Map.of(1, flexible, 2, flexible, 3, flexible), 1, 120, false);
    }

    private static DosingProfile profile(Map<Integer, List<BigDecimal>> initialDoses, int supplementalMaxMinutes) {
        return profile(initialDoses, 1, supplementalMaxMinutes, true);
    }

    private static DosingProfile profile(Map<Integer, List<BigDecimal>> initialDoses, int maxSupplementalDoses,
                                         int supplementalMaxMinutes, boolean overnightStayRequired) {
        return new DosingProfile(3, new DosingProfile.DosingWindow(21, 28, 35), initialDoses,
                new DosingProfile.Supplemental(maxSupplementalDoses, mg("0.5"), 90, supplementalMaxMinutes,
                        Duration.ofMinutes(30)),
                mg("180"), Duration.ofHours(8), new DosingProfile.VitalLimits(160, 100, mg("38.0")),
                overnightStayRequired);
    }
}
