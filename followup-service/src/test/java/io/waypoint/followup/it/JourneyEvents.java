package io.waypoint.followup.it;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DoseKind;
import io.waypoint.events.scheduling.DosingSessionCompleted;
import io.waypoint.events.scheduling.SessionCompleted;
import io.waypoint.events.scheduling.SessionKind;
import io.waypoint.events.scheduling.SessionScheduled;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events of one journey as intake-service and scheduling-service write them. */
record JourneyEvents(String journeyId, String lead, String co) {

    static JourneyEvents newJourney() {
        String id = UUID.randomUUID().toString();
        String suffix = id.substring(0, 8);
        return new JourneyEvents(id, "t-lead-" + suffix, "t-co-" + suffix);
    }

    Envelope envelope(Instant occurredAt, String source) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID()).setJourneyId(journeyId).setOccurredAt(occurredAt)
                .setRecordedAt(occurredAt).setProtocol(new ProtocolRef("mapp1", "2024-1")).setSource(source)
                .setCorrelationId(journeyId).setCausationId(null).build();
    }

    PatientEnrolled enrolled(Instant baselineAt, Instant at) {
        return PatientEnrolled.newBuilder().setEnvelope(envelope(at, "intake-service")).setSiteId("site-1")
                .setBaselineCaps5Total(44).setBaselineAt(baselineAt).setPregnancyTestRequired(false).build();
    }

    JourneyWithdrawn withdrawn(Instant at) {
        return JourneyWithdrawn.newBuilder().setEnvelope(envelope(at, "intake-service"))
                .setReason("PARTICIPANT_DECISION").build();
    }

    CareTeamAssigned careTeam(Instant at) {
        return CareTeamAssigned.newBuilder().setEnvelope(envelope(at, "scheduling-service"))
                .setLeadTherapistId(lead).setCoTherapistId(co).build();
    }

    DoseAdministered dose(int dosingNumber, DoseKind kind, String mg, Instant at) {
        return DoseAdministered.newBuilder().setEnvelope(envelope(at, "scheduling-service"))
                .setAppointmentId("dosing-" + dosingNumber + "-" + journeyId).setDosingNumber(dosingNumber)
                .setDoseKind(kind).setAmountMg(new BigDecimal(mg)).setLotNumber("LOT-42").setDispensedBy("ph-1")
                .setWitnessedBy(null).build();
    }

    DosingSessionCompleted dosingCompleted(int dosingNumber, Instant at) {
        return DosingSessionCompleted.newBuilder().setEnvelope(envelope(at, "scheduling-service"))
                .setAppointmentId("dosing-" + dosingNumber + "-" + journeyId).setDosingNumber(dosingNumber)
                .setTotalMg(new BigDecimal("120.00")).setDischargedAt(at).setOvernightStay(true).build();
    }

    SessionCompleted integrationCompleted(int dosingNumber, int sequence, Instant at) {
        return SessionCompleted.newBuilder().setEnvelope(envelope(at, "scheduling-service"))
                .setAppointmentId("integration-" + dosingNumber + "-" + sequence + "-" + journeyId)
                .setKind(SessionKind.INTEGRATION).setSequence(sequence).setDosingNumber(dosingNumber).build();
    }

    SessionScheduled integrationScheduled(String appointmentId, int dosingNumber, int sequence, Instant start) {
        return SessionScheduled.newBuilder().setEnvelope(envelope(start.minus(Duration.ofDays(2)), "scheduling-service"))
                .setAppointmentId(appointmentId).setKind(SessionKind.INTEGRATION).setSequence(sequence)
                .setDosingNumber(dosingNumber).setStart(start).setEnd(start.plus(Duration.ofMinutes(90)))
                .setRoomId("room-2").setTherapistIds(List.of(lead, co)).build();
    }
}
