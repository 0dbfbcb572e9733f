package io.waypoint.followup.app;

import io.waypoint.followup.notification.Notification;

/** A notification was put in a therapist's inbox (published inside the transaction; streamed after commit). */
public record NotificationIssued(Notification notification) {
}
