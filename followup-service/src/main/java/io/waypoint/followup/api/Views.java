package io.waypoint.followup.api;

import io.waypoint.followup.journey.Journey;
import io.waypoint.followup.journey.JourneyStage;
import io.waypoint.followup.journey.TimelineEntry;
import io.waypoint.followup.notification.Notification;
import io.waypoint.followup.obligation.Obligation;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Response bodies. */
final class Views {

    private Views() {
    }

    record ProtocolView(String profile, String version) {
    }

    record JourneyView(String journeyId, String stage, Instant stageSince, boolean completed, boolean onHold,
                              String heldStage, ProtocolView protocol) {

        static JourneyView of(Journey row) {
            return new JourneyView(row.journeyId(), name(row.stage()), row.stageSince(), row.completedAt() != null,
                    row.stageState().onHold(), name(row.heldStage()),
                    row.protocolProfile() == null ? null : new ProtocolView(row.protocolProfile(), row.protocolVersion()));
        }
    }

    /** A journey with how long it has been in its current stage (ISO-8601 duration and seconds). */
    record JourneyInStage(String journeyId, String stage, Instant stageSince, String ageInStage,
                                 long ageInStageSeconds) {

        static JourneyInStage of(Journey row, Instant now) {
            Duration age = row.stageSince() == null ? Duration.ZERO : Duration.between(row.stageSince(), now);
            return new JourneyInStage(row.journeyId(), name(row.stage()), row.stageSince(), age.toString(),
                    age.toSeconds());
        }
    }

    record TimelineItem(UUID eventId, String topic, String type, Instant occurredAt, Instant recordedAt,
                               String summary) {

        static TimelineItem of(TimelineEntry entry) {
            return new TimelineItem(entry.eventId(), entry.topic(), entry.type(), entry.occurredAt(),
                    entry.recordedAt(), entry.summary());
        }
    }

    /** {@code status}: OPEN, MET, OVERDUE, or CANCELLED (the journey was withdrawn before it was met). */
    record ObligationView(String obligationId, String kind, Integer dosingNumber, Instant dueAt, String status,
                                 Instant metAt, Boolean onTime, Instant cancelledAt) {

        static ObligationView of(Obligation row) {
            return new ObligationView(row.obligationId(), row.kind(),
                    row.dosingNumber() == 0 ? null : row.dosingNumber(), row.dueAt(), row.status().name(),
                    row.metAt(), row.onTime(), row.cancelledAt());
        }
    }

    record InboxNotification(String notificationId, String journeyId, String kind, String priority,
                                    String title, String appointmentId, Instant dueAt, Instant issuedAt,
                                    Instant acknowledgedAt) {

        static InboxNotification of(Notification row) {
            return new InboxNotification(row.notificationId(), row.journeyId(), row.kind(), row.priority(),
                    row.title(), row.appointmentId(), row.dueAt(), row.issuedAt(), row.acknowledgedAt());
        }
    }

    private static String name(JourneyStage stage) {
        return stage == null ? null : stage.name();
    }
}
