package io.waypoint.followup.journey;

import java.time.Instant;
import java.util.List;

/**
 * What another service announced about a journey, as far as follow-up cares: the facts of intake and scheduling
 * that move a journey's stage, care team, sessions, doses and obligations. {@link Seen} is any other event of the
 * journey: it changes nothing here but makes the journey known.
 */
public sealed interface JourneyFact {

    record Referred() implements JourneyFact {
    }

    record Screened() implements JourneyFact {
    }

    record EligibilityDetermined(boolean eligible) implements JourneyFact {
    }

    record Consented() implements JourneyFact {
    }

    record Enrolled(Instant baselineAt) implements JourneyFact {
    }

    record Withdrawn() implements JourneyFact {
    }

    record CareTeamAssigned(String leadTherapistId, String coTherapistId) implements JourneyFact {
    }

    record SessionScheduled(String appointmentId, SessionKind kind, int sequence, Integer dosingNumber,
                            Instant start, Instant end, List<String> therapistIds) implements JourneyFact {
        public SessionScheduled {
            therapistIds = List.copyOf(therapistIds);
        }
    }

    record SessionRescheduled(String appointmentId, Instant start, Instant end) implements JourneyFact {
    }

    record SessionCancelled(String appointmentId) implements JourneyFact {
    }

    record SessionMissed(String appointmentId) implements JourneyFact {
    }

    record SessionCheckedIn(String appointmentId, SessionKind kind) implements JourneyFact {
    }

    record SessionCompleted(String appointmentId, SessionKind kind, int sequence, Integer dosingNumber)
            implements JourneyFact {
    }

    /** {@code initial}: the session's initial dose (not a supplemental one). */
    record DoseAdministered(int dosingNumber, boolean initial) implements JourneyFact {
    }

    record DosingSessionCompleted(String appointmentId, int dosingNumber, Instant dischargedAt)
            implements JourneyFact {
    }

    record Seen() implements JourneyFact {
    }
}
