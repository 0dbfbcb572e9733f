package io.waypoint.scheduling.dosing;

import java.time.Instant;
import java.util.Objects;

/** Vital signs as measured at a time during a dosing session. */
public record VitalsReading(Instant measuredAt, VitalSigns vitals) {

    public VitalsReading {
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(vitals, "vitals");
    }
}
