package io.waypoint.scheduling.dosing;

/** A vital sign above its protocol limit. */
public enum VitalFlag {
    SYSTOLIC_HIGH,
    HEART_RATE_HIGH,
    TEMPERATURE_HIGH
}
