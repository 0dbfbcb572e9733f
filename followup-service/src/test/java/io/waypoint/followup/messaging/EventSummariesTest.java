package io.waypoint.followup.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.followup.AdverseEventReported;
import io.waypoint.events.followup.AdverseEventSeverity;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DoseKind;
import io.waypoint.events.scheduling.SessionCompleted;
import io.waypoint.events.scheduling.SessionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSummariesTest {

    private static Envelope envelope() {
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        return Envelope.newBuilder().setEventId(UUID.randomUUID()).setJourneyId("j-1").setOccurredAt(at)
                .setRecordedAt(at).setProtocol(null).setSource("test").setCorrelationId("j-1").setCausationId(null)
                .build();
    }

    @Test
    void aDoseIsSummarisedWithAmountKindAndSession() {
        DoseAdministered dose = DoseAdministered.newBuilder().setEnvelope(envelope()).setAppointmentId("a-1")
                .setDosingNumber(1).setDoseKind(DoseKind.INITIAL).setAmountMg(new BigDecimal("80.00"))
                .setLotNumber("LOT-7").setDispensedBy("ph-1").setWitnessedBy(null).build();
        assertThat(EventSummaries.of(dose)).isEqualTo("Dose 80.00 mg (INITIAL), dosing session 1");
    }

    @Test
    void anIntegrationSessionNamesItsSequenceAndDosing() {
        SessionCompleted completed = SessionCompleted.newBuilder().setEnvelope(envelope()).setAppointmentId("a-2")
                .setKind(SessionKind.INTEGRATION).setSequence(1).setDosingNumber(2).build();
        assertThat(EventSummaries.of(completed)).isEqualTo("Integration session 1 (dosing 2) completed");
    }

    @Test
    void freeTextFieldsStayOffTheTimeline() {
        AdverseEventReported adverse = AdverseEventReported.newBuilder().setEnvelope(envelope())
                .setAdverseEventId("ae-1").setTerm("Euphoria").setSeverity(AdverseEventSeverity.MILD)
                .setSerious(false).setFavourable(true).setOnsetAt(Instant.parse("2026-03-02T10:00:00Z"))
                .setDosingNumber(1).build();
        assertThat(EventSummaries.of(adverse)).isEqualTo("Adverse event, MILD, favourable, dosing session 1");
        JourneyWithdrawn withdrawn = JourneyWithdrawn.newBuilder().setEnvelope(envelope())
                .setReason("moved away to live with her sister").build();
        assertThat(EventSummaries.of(withdrawn)).isEqualTo("Journey withdrawn");
    }
}
