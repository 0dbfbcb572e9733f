package io.waypoint.followup.care;

import io.waypoint.followup.store.InboxRow;

/** A notification was put in a therapist's inbox (published inside the transaction; streamed after commit). */
public record NotificationIssued(InboxRow notification) {
}
