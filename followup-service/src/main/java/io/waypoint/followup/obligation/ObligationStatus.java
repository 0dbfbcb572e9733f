package io.waypoint.followup.obligation;

public enum ObligationStatus {
    OPEN, MET, OVERDUE
}
