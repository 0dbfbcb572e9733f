package io.waypoint.followup.messaging;

import io.waypoint.events.intake.ConsentRecorded;
import io.waypoint.events.intake.EligibilityDetermined;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.events.intake.ScreeningRecorded;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DoseKind;
import io.waypoint.events.scheduling.DosingSessionCompleted;
import io.waypoint.events.scheduling.SessionCancelled;
import io.waypoint.events.scheduling.SessionCheckedIn;
import io.waypoint.events.scheduling.SessionCompleted;
import io.waypoint.events.scheduling.SessionMissed;
import io.waypoint.events.scheduling.SessionRescheduled;
import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.followup.journey.JourneyFact;
import io.waypoint.followup.journey.SessionKind;
import org.apache.avro.specific.SpecificRecord;

/** The plain fact an event of intake or scheduling states; {@link JourneyFact.Seen} for any other event. */
final class JourneyFacts {

    private JourneyFacts() {
    }

    static JourneyFact of(SpecificRecord event) {
        return switch (event) {
            case PatientReferred e -> new JourneyFact.Referred();
            case ScreeningRecorded e -> new JourneyFact.Screened();
            case EligibilityDetermined e -> new JourneyFact.EligibilityDetermined(e.getEligible());
            case ConsentRecorded e -> new JourneyFact.Consented();
            case PatientEnrolled e -> new JourneyFact.Enrolled(e.getBaselineAt());
            case JourneyWithdrawn e -> new JourneyFact.Withdrawn();
            case CareTeamAssigned e -> new JourneyFact.CareTeamAssigned(e.getLeadTherapistId(), e.getCoTherapistId());
            case SessionScheduled e -> new JourneyFact.SessionScheduled(e.getAppointmentId(), kind(e.getKind()),
                    e.getSequence(), e.getDosingNumber(), e.getStart(), e.getEnd(), e.getTherapistIds());
            case SessionRescheduled e -> new JourneyFact.SessionRescheduled(e.getAppointmentId(), e.getStart(),
                    e.getEnd());
            case SessionCancelled e -> new JourneyFact.SessionCancelled(e.getAppointmentId());
            case SessionMissed e -> new JourneyFact.SessionMissed(e.getAppointmentId());
            case SessionCheckedIn e -> new JourneyFact.SessionCheckedIn(e.getAppointmentId(), kind(e.getKind()));
            case SessionCompleted e -> new JourneyFact.SessionCompleted(e.getAppointmentId(), kind(e.getKind()),
                    e.getSequence(), e.getDosingNumber());
            case DoseAdministered e -> new JourneyFact.DoseAdministered(e.getDosingNumber(),
                    e.getDoseKind() == DoseKind.INITIAL);
            case DosingSessionCompleted e -> new JourneyFact.DosingSessionCompleted(e.getAppointmentId(),
                    e.getDosingNumber(), e.getDischargedAt());
            default -> new JourneyFact.Seen();
        };
    }

    /** The reader's SessionKind has the same symbols (unknown ones are read as UNKNOWN). */
    private static SessionKind kind(io.waypoint.events.scheduling.SessionKind kind) {
        return SessionKind.valueOf(kind.name());
    }
}
