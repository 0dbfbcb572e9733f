package io.waypoint.followup.notification;

public enum Priority {
    ROUTINE, URGENT
}
