package io.waypoint.localstack.demo;

import java.time.Instant;
import java.util.List;

/** The parts of the services' responses the demo reads. */
public final class Api {

    private Api() {
    }

    public record Appointment(String appointmentId, String journeyId, String kind, Integer sequence,
                              Integer dosingNumber, Instant start, Instant end, String roomId,
                              List<String> therapistIds, String status) {

        public static final String PREPARATORY = "PREPARATORY";
        public static final String DOSING = "DOSING";
        public static final String INTEGRATION = "INTEGRATION";
        public static final String SCHEDULED = "SCHEDULED";

        public boolean is(String appointmentKind) {
            return appointmentKind.equals(kind);
        }
    }

    public record CareTeam(String journeyId, String leadTherapistId, String coTherapistId) {

        public boolean includes(String therapistId) {
            return therapistId.equals(leadTherapistId) || therapistId.equals(coTherapistId);
        }
    }

    public record Therapist(String therapistId, String displayName, boolean leadQualified) {
    }

    public record TimelineEntry(String eventId, String topic, String type, Instant occurredAt, Instant recordedAt,
                                String summary) {
    }

    public record Notification(String notificationId, String journeyId, String kind, String priority, String title,
                               String appointmentId, Instant dueAt, Instant issuedAt, Instant acknowledgedAt) {
    }

    public record JourneyStage(String journeyId, String stage, Instant stageSince, boolean completed) {
    }
}
