package io.waypoint.followup.notification;

import java.time.Instant;

/** One notification in a therapist's inbox. */
public record Notification(String notificationId, String therapistId, String journeyId, String kind,
                           String priority, String title, String appointmentId, Instant dueAt, Instant issuedAt,
                           Instant acknowledgedAt) {
}
