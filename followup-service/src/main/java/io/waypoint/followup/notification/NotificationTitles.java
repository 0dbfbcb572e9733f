package io.waypoint.followup.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Notification titles. They name the journey by the short form of its pseudonymous id at most: never a name,
 * contact, or clinical free text.
 */
public final class NotificationTitles {

    private static final int SHORT_ID_LENGTH = 8;
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private NotificationTitles() {
    }

    public static String shortJourneyId(String journeyId) {
        return journeyId.length() <= SHORT_ID_LENGTH ? journeyId : journeyId.substring(0, SHORT_ID_LENGTH);
    }

    public static String careTeamAssigned(String journeyId) {
        return "You were assigned to the care team of journey " + shortJourneyId(journeyId);
    }

    public static String sessionTomorrow(String journeyId, String sessionKind, Integer sequence, Integer dosingNumber,
                                         Instant start) {
        StringBuilder title = new StringBuilder(label(sessionKind)).append(" session");
        if (sequence != null && !"DOSING".equals(sessionKind)) {
            title.append(' ').append(sequence);
        }
        if (dosingNumber != null) {
            title.append("DOSING".equals(sessionKind) ? " " : " after dosing ").append(dosingNumber);
        }
        return title.append(" at ").append(START.format(start)).append(", journey ").append(shortJourneyId(journeyId))
                .toString();
    }

    public static String doseCompleted(String journeyId, int dosingNumber) {
        return "Dosing session " + dosingNumber + " completed, journey " + shortJourneyId(journeyId);
    }

    public static String adverseEvent(String journeyId, boolean serious) {
        return (serious ? "Serious adverse event" : "Adverse event") + " reported, journey " + shortJourneyId(journeyId);
    }

    public static String obligationOverdue(String journeyId, String obligationKind) {
        return "Overdue: " + obligationKind + ", journey " + shortJourneyId(journeyId);
    }

    public static String safetyHold(String journeyId, String reason) {
        return "Safety hold (" + reason + "), journey " + shortJourneyId(journeyId);
    }

    public static String safetySignalDuringHold(String journeyId, String reason) {
        return "New safety signal (" + reason + ") during hold, journey " + shortJourneyId(journeyId);
    }

    private static String label(String sessionKind) {
        String lower = sessionKind.toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
