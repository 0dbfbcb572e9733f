package io.waypoint.schemas;

import io.waypoint.events.followup.AdverseEventReported;
import io.waypoint.events.followup.CheckInRecorded;
import io.waypoint.events.followup.JourneyCompleted;
import io.waypoint.events.followup.ObligationMet;
import io.waypoint.events.followup.ObligationOpened;
import io.waypoint.events.followup.ObligationOverdue;
import io.waypoint.events.followup.OutcomeAssessmentRecorded;
import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
import io.waypoint.events.frontdesk.PatientDetailsUpdated;
import io.waypoint.events.frontdesk.ReferralReceived;
import io.waypoint.events.intake.ConsentRecorded;
import io.waypoint.events.intake.EligibilityDetermined;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.events.intake.ScreeningRecorded;
import io.waypoint.events.notifications.NotificationDelivered;
import io.waypoint.events.notifications.NotificationDeliveryFailed;
import io.waypoint.events.notifications.TherapistNotificationIssued;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DosingSessionAborted;
import io.waypoint.events.scheduling.DosingSessionCompleted;
import io.waypoint.events.scheduling.PreDoseCheckRecorded;
import io.waypoint.events.scheduling.SessionCancelled;
import io.waypoint.events.scheduling.SessionCheckedIn;
import io.waypoint.events.scheduling.SessionCompleted;
import io.waypoint.events.scheduling.SessionMissed;
import io.waypoint.events.scheduling.SessionRescheduled;
import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.events.scheduling.VitalSignsRecorded;
import io.waypoint.events.visits.AppointmentCancellationRequested;
import io.waypoint.events.visits.AppointmentCheckedIn;
import io.waypoint.events.visits.AppointmentNoShow;
import io.waypoint.events.visits.AppointmentRescheduleRequested;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The topic catalogue: the one place topic names, keys, value records and writers come from.
 * A single writer owns each topic.
 */
public enum Topic {

    FRONTDESK("waypoint.frontdesk.v1", "referral id", "front-desk systems", true,
            List.of(ReferralReceived.class, PatientDetailsUpdated.class)),
    FRONTDESK_VISITS("waypoint.frontdesk.visits.v1", "journeyId", "front-desk systems", false,
            List.of(AppointmentCheckedIn.class, AppointmentNoShow.class,
                    AppointmentCancellationRequested.class, AppointmentRescheduleRequested.class)),
    INTAKE("waypoint.intake.v1", "journeyId", "intake-service", false,
            List.of(PatientReferred.class, ScreeningRecorded.class, EligibilityDetermined.class,
                    ConsentRecorded.class, PatientEnrolled.class, JourneyWithdrawn.class)),
    SCHEDULING("waypoint.scheduling.v1", "journeyId", "scheduling-service", false,
            List.of(CareTeamAssigned.class, SessionScheduled.class, SessionRescheduled.class,
                    SessionCancelled.class, SessionCheckedIn.class, SessionMissed.class,
                    SessionCompleted.class, PreDoseCheckRecorded.class, DoseAdministered.class,
                    VitalSignsRecorded.class, DosingSessionCompleted.class, DosingSessionAborted.class)),
    FOLLOWUP("waypoint.followup.v1", "journeyId", "followup-service", false,
            List.of(CheckInRecorded.class, AdverseEventReported.class, OutcomeAssessmentRecorded.class,
                    ObligationOpened.class, ObligationMet.class, ObligationOverdue.class,
                    SafetyHoldPlaced.class, SafetyHoldReleased.class, JourneyCompleted.class)),
    NOTIFICATIONS("waypoint.notifications.v1", "therapistId", "followup-service", false,
            List.of(TherapistNotificationIssued.class, NotificationDelivered.class,
                    NotificationDeliveryFailed.class));

    private final String topicName;
    private final String key;
    private final String writer;
    private final boolean identifying;
    private final List<Class<? extends SpecificRecord>> valueTypes;

    Topic(String topicName, String key, String writer, boolean identifying,
          List<Class<? extends SpecificRecord>> valueTypes) {
        this.topicName = topicName;
        this.key = key;
        this.writer = writer;
        this.identifying = identifying;
        this.valueTypes = valueTypes;
    }

    public String topicName() {
        return topicName;
    }

    /** What the record key holds. */
    public String key() {
        return key;
    }

    /** The one writer of this topic. */
    public String writer() {
        return writer;
    }

    /** True when records carry identifying patient data (only intake-service may read them). */
    public boolean identifying() {
        return identifying;
    }

    public List<Class<? extends SpecificRecord>> valueTypes() {
        return valueTypes;
    }

    /** The dead-letter topic of one consumer group on this topic: {@code <topic>.<group>.dlq}. */
    public String dlqName(String consumerGroup) {
        return dlqName(topicName, consumerGroup);
    }

    public static String dlqName(String topicName, String consumerGroup) {
        return topicName + "." + consumerGroup + ".dlq";
    }

    public static Optional<Topic> byName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
    }

    /** The topic a record type is published on. */
    public static Topic of(Class<? extends SpecificRecord> type) {
        return Arrays.stream(values()).filter(t -> t.valueTypes.contains(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No topic carries " + type.getName()));
    }
}
