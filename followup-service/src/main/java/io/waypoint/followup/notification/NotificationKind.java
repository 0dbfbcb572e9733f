package io.waypoint.followup.notification;

public enum NotificationKind {
    CARE_TEAM_ASSIGNED, SESSION_TOMORROW, DOSE_COMPLETED, ADVERSE_EVENT, OBLIGATION_OVERDUE, SAFETY_HOLD
}
