package io.waypoint.scheduling.dosing;

import java.math.BigDecimal;
import java.util.Objects;

/** One vital-signs measurement. */
public record VitalSigns(int systolicMmHg, int diastolicMmHg, int heartRateBpm, BigDecimal temperatureCelsius) {

    public VitalSigns {
        Objects.requireNonNull(temperatureCelsius, "temperatureCelsius");
    }
}
