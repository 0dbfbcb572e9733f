package io.waypoint.followup.obligation;

/**
 * OPEN until met; OVERDUE once past its deadline unmet (it may still be met, late); MET; CANCELLED when the journey
 * was withdrawn before it was met (nothing is owed any more, so it is never escalated).
 */
public enum ObligationStatus {
    OPEN, MET, OVERDUE, CANCELLED
}
