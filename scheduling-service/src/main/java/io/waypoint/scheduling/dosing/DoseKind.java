package io.waypoint.scheduling.dosing;

public enum DoseKind {
    INITIAL,
    SUPPLEMENTAL
}
