package io.waypoint.followup.store;

import java.time.Instant;

/** One notification in a therapist's inbox. */
public record InboxRow(String notificationId, String therapistId, String journeyId, String kind, String priority,
                       String title, String appointmentId, Instant dueAt, Instant issuedAt, Instant acknowledgedAt) {
}
