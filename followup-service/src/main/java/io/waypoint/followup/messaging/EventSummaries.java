package io.waypoint.followup.messaging;

import io.waypoint.events.followup.AdverseEventReported;
import io.waypoint.events.followup.CheckInRecorded;
import io.waypoint.events.followup.JourneyCompleted;
import io.waypoint.events.followup.ObligationMet;
import io.waypoint.events.followup.ObligationOpened;
import io.waypoint.events.followup.ObligationOverdue;
import io.waypoint.events.followup.OutcomeAssessmentRecorded;
import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
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
import io.waypoint.schemas.Events;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * One short line per event for the ops timeline, built from codes, numbers and ids only: never a name, contact,
 * free-text reason or note (free-text fields such as reasons and adverse-event terms are left out).
 */
final class EventSummaries {

    private EventSummaries() {
    }

    static String of(SpecificRecord event) {
        return switch (event) {
            case PatientReferred e -> "Referred at site " + e.getSiteId();
            case ScreeningRecorded e -> "Screening recorded, CAPS-5 total " + e.getCaps5Total() + ", "
                    + count(e.getExclusionCodes().size(), "exclusion code");
            case EligibilityDetermined e -> e.getEligible() ? "Eligible"
                    : "Ineligible" + codes(": ", e.getReasons());
            case ConsentRecorded e -> "Consent recorded, form " + e.getConsentFormVersion();
            case PatientEnrolled e -> "Enrolled, baseline CAPS-5 " + e.getBaselineCaps5Total()
                    + protocol(e.getEnvelope().getProtocol());
            case JourneyWithdrawn e -> "Journey withdrawn";
            case AppointmentCheckedIn e -> "Front desk: checked in, appointment " + e.getAppointmentId();
            case AppointmentNoShow e -> "Front desk: no-show, appointment " + e.getAppointmentId();
            case AppointmentCancellationRequested e -> "Front desk: cancellation requested, appointment "
                    + e.getAppointmentId();
            case AppointmentRescheduleRequested e -> "Front desk: reschedule to " + e.getRequestedStart()
                    + " requested, appointment " + e.getAppointmentId();
            case CareTeamAssigned e -> "Care team assigned: lead " + e.getLeadTherapistId() + ", co-therapist "
                    + e.getCoTherapistId();
            case SessionScheduled e -> session(e.getKind().name(), e.getSequence(), e.getDosingNumber())
                    + " scheduled for " + e.getStart();
            case SessionRescheduled e -> session(e.getKind().name(), null, null) + " rescheduled from "
                    + e.getPreviousStart() + " to " + e.getStart();
            case SessionCancelled e -> session(e.getKind().name(), null, null) + " cancelled";
            case SessionCheckedIn e -> session(e.getKind().name(), null, null) + " checked in";
            case SessionMissed e -> session(e.getKind().name(), e.getSequence(), e.getDosingNumber()) + " missed";
            case SessionCompleted e -> session(e.getKind().name(), e.getSequence(), e.getDosingNumber())
                    + " completed";
            case PreDoseCheckRecorded e -> "Pre-dose check, dosing session " + e.getDosingNumber()
                    + (e.getPassed() ? ": passed" : ": failed" + codes(" ", e.getFailedItems()));
            case DoseAdministered e -> "Dose " + e.getAmountMg().toPlainString() + " mg (" + e.getDoseKind()
                    + "), dosing session " + e.getDosingNumber();
            case VitalSignsRecorded e -> "Vitals, dosing session " + e.getDosingNumber()
                    + (e.getMinutesSinceInitialDose() == null ? "" : " at +" + e.getMinutesSinceInitialDose() + " min")
                    + ": BP " + e.getSystolicMmHg() + "/" + e.getDiastolicMmHg() + ", HR " + e.getHeartRateBpm()
                    + ", " + e.getTemperatureCelsius().toPlainString() + " C"
                    + (e.getOutOfRange().isEmpty() ? "" : ", out of range" + codes(": ", e.getOutOfRange()));
            case DosingSessionCompleted e -> "Dosing session " + e.getDosingNumber() + " completed, total "
                    + e.getTotalMg().toPlainString() + " mg" + (e.getOvernightStay() ? ", overnight stay" : "");
            case DosingSessionAborted e -> "Dosing session " + e.getDosingNumber() + " aborted";
            case CheckInRecorded e -> "Check-in" + (e.getDayNumber() == null ? "" : " day " + e.getDayNumber())
                    + (e.getDosingNumber() == null ? "" : " after dosing " + e.getDosingNumber())
                    + (e.getPhq9Item9() == null ? "" : ", PHQ-9 item 9: " + e.getPhq9Item9())
                    + ", C-SSRS " + (e.getCssrsPositive() ? "positive" : "negative")
                    + (e.getConcernRaised() ? ", concern raised" : "");
            case AdverseEventReported e -> "Adverse event, " + e.getSeverity()
                    + (e.getSerious() ? ", serious" : "") + (e.getFavourable() ? ", favourable" : "")
                    + (e.getDosingNumber() == null ? "" : ", dosing session " + e.getDosingNumber());
            case OutcomeAssessmentRecorded e -> e.getInstrument() + " at " + e.getTimepoint() + ": "
                    + e.getScore() + (e.getRaterIndependent() ? " (independent rater)" : " (care-team rater)");
            case ObligationOpened e -> "Obligation " + e.getKind() + " opened, due " + e.getDueAt();
            case ObligationMet e -> "Obligation " + e.getKind() + " met " + (e.getOnTime() ? "on time" : "late");
            case ObligationOverdue e -> "Obligation " + e.getKind() + " overdue (due " + e.getDueAt() + ")";
            case SafetyHoldPlaced e -> "Safety hold placed: " + e.getReason();
            case SafetyHoldReleased e -> "Safety hold released by " + e.getReleasedBy();
            case JourneyCompleted e -> "Journey completed: " + count(e.getDosingSessions(), "dosing session") + ", "
                    + count(e.getIntegrationSessions(), "integration session");
            case TherapistNotificationIssued e -> e.getPriority() + " " + e.getKind() + " notification to therapist "
                    + e.getTherapistId();
            case NotificationDelivered e -> "Notification delivered to therapist " + e.getTherapistId() + " via "
                    + e.getChannel();
            case NotificationDeliveryFailed e -> "Notification delivery to therapist " + e.getTherapistId() + " via "
                    + e.getChannel() + " failed";
            default -> Events.type(event);
        };
    }

    private static String session(String kind, Integer sequence, Integer dosingNumber) {
        String label = kind.charAt(0) + kind.substring(1).toLowerCase(java.util.Locale.ROOT) + " session";
        if (sequence != null) {
            label += " " + sequence;
        }
        if (dosingNumber != null) {
            label += " (dosing " + dosingNumber + ")";
        }
        return label;
    }

    private static String codes(String prefix, List<String> codes) {
        return codes.isEmpty() ? "" : prefix + String.join(", ", codes);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String protocol(io.waypoint.events.common.ProtocolRef protocol) {
        return protocol == null ? "" : ", protocol " + protocol.getProfile() + " " + protocol.getVersion();
    }
}
