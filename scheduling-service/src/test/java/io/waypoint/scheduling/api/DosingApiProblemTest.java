package io.waypoint.scheduling.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DosingSessionCompleted;
import io.waypoint.events.scheduling.VitalSignsRecorded;
import io.waypoint.scheduling.dosing.VitalSigns;
import io.waypoint.scheduling.dosing.VitalsReading;
import io.waypoint.scheduling.plan.PendingBooking;
import io.waypoint.scheduling.store.DosingStore.PreDoseCheckOutcome;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;
import io.waypoint.events.scheduling.DosingSessionAborted;
import io.waypoint.events.scheduling.SessionMissed;
import io.waypoint.platform.events.EnvelopeFactory;
import io.waypoint.platform.idempotency.IdempotencyStore;
import io.waypoint.platform.idempotency.IdempotentCommands;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.platform.problem.ProblemHandler;
import io.waypoint.platform.test.WithIdempotentCommands;
import io.waypoint.scheduling.appointment.Appointment;
import io.waypoint.scheduling.appointment.AppointmentKind;
import io.waypoint.scheduling.appointment.AppointmentStatus;
import io.waypoint.scheduling.config.SchedulingConfiguration;
import io.waypoint.scheduling.dosing.Dose;
import io.waypoint.scheduling.dosing.DoseKind;
import io.waypoint.scheduling.events.SchedulingEvents;
import io.waypoint.scheduling.plan.CareTeam;
import io.waypoint.scheduling.plan.JourneyPlan;
import io.waypoint.scheduling.app.AppointmentService;
import io.waypoint.scheduling.app.CourseScheduler;
import io.waypoint.scheduling.app.DosingService;
import io.waypoint.scheduling.app.Journeys;
import io.waypoint.scheduling.store.AppointmentStore;
import io.waypoint.scheduling.store.DosingStore;
import io.waypoint.scheduling.store.JourneyStore;
import io.waypoint.scheduling.store.SafetyHoldStore;
import io.waypoint.schemas.Topic;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * REST problems of the dosing session: 400 naming the field for malformed input, 422 with a stable type and the
 * rule's parameters from the real protocol rules, and nothing stored or published for a rejected request.
 */
@WebMvcTest(controllers = {DosingController.class, AppointmentController.class})
@WithIdempotentCommands
@Import({ProblemHandler.class, IdempotentCommands.class, ClientTimes.class,
        DosingService.class, AppointmentService.class, Journeys.class, SchedulingEvents.class,
        SchedulingConfiguration.class, DosingApiProblemTest.Envelopes.class})
class DosingApiProblemTest {

    static final String JOURNEY = "journey-1";
    static final String APPOINTMENT = "dosing-appointment";
    static final Instant START = Instant.parse("2026-03-30T13:00:00Z");
    static final String PROBLEMS = "https://waypoint.example/problems/";
    /** The service's clock: the day after the session. */
    static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    @TestConfiguration
    static class Envelopes {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        EnvelopeFactory envelopeFactory(Clock clock) {
            return new EnvelopeFactory(clock, "scheduling-service");
        }
    }

    @Autowired MockMvc mvc;
    @MockitoBean AppointmentStore appointments;
    @MockitoBean JourneyStore journeys;
    @MockitoBean DosingStore dosing;
    @MockitoBean SafetyHoldStore holds;
    @MockitoBean IdempotencyStore idempotencyStore;
    @MockitoBean PlatformTransactionManager transactions;
    @MockitoBean CourseScheduler scheduler;
    @MockitoBean Outbox outbox;

    void givenDosingSession(int dosingNumber, AppointmentStatus status) {
        givenDosingSession(dosingNumber, status, null);
    }

    void givenDosingSession(int dosingNumber, AppointmentStatus status, Instant withdrawnAt) {
        Appointment appointment = new Appointment(APPOINTMENT, JOURNEY, AppointmentKind.DOSING, dosingNumber,
                dosingNumber, START, START.plus(Duration.ofHours(8)), START.plus(Duration.ofHours(24)), "room-dosing-1",
                "t-lead-1", "t-co-1", status);
        when(appointments.find(APPOINTMENT)).thenReturn(Optional.of(appointment));
        when(appointments.lock(APPOINTMENT)).thenReturn(Optional.of(appointment));
        JourneyPlan plan = new JourneyPlan(JOURNEY, "mapp1", "2024-1", JOURNEY, "site-1", true,
                START.minus(Duration.ofDays(40)), START.minus(Duration.ofDays(30)), new CareTeam("t-lead-1", "t-co-1"),
                withdrawnAt);
        when(journeys.find(JOURNEY)).thenReturn(Optional.of(plan));
        when(journeys.lock(JOURNEY)).thenReturn(Optional.of(plan));
        if (status == AppointmentStatus.CHECKED_IN) {
            when(appointments.checkedInAt(APPOINTMENT)).thenReturn(Optional.of(START));
        }
    }

    /** A checked-in session with a passed pre-dose check at +10 min and an 80 mg initial dose at +30 min. */
    Instant givenInitialDose() {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        Instant initial = START.plus(Duration.ofMinutes(30));
        when(dosing.doses(APPOINTMENT)).thenReturn(List.of(new Dose(DoseKind.INITIAL, BigDecimal.valueOf(80), initial)));
        when(dosing.latestPreDoseCheck(APPOINTMENT))
                .thenReturn(Optional.of(new PreDoseCheckOutcome(START.plus(Duration.ofMinutes(10)), true)));
        return initial;
    }

    ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post("/api/v1/appointments/" + APPOINTMENT + path)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static String dose(String kind, String amountMg, Instant at) {
        return """
                {"doseKind": "%s", "amountMg": %s, "lotNumber": "LOT-7", "dispensedBy": "pharm-1", "occurredAt": "%s"}
                """.formatted(kind, amountMg, at);
    }

    void assertNothingRecorded() {
        verify(outbox, never()).publish(any(), anyString(), any());
        verify(dosing, never()).insertDose(anyString(), any(), anyString(), anyString(), any());
        verify(appointments, never()).checkIn(anyString(), any());
    }

    @Test
    void aMissingAmountIsA400NamingTheField() throws Exception {
        postJson("/doses", """
                {"doseKind": "INITIAL", "lotNumber": "LOT-7", "dispensedBy": "pharm-1", "occurredAt": "2026-03-30T13:30:00Z"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("amountMg")));
        verifyNoInteractions(appointments, outbox);
    }

    @Test
    void aMissingLotNumberAndDispenserAreBothNamed() throws Exception {
        postJson("/doses", """
                {"doseKind": "INITIAL", "amountMg": 80, "occurredAt": "2026-03-30T13:30:00Z"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("lotNumber")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("dispensedBy")));
    }

    @Test
    void anImpossibleTemperatureIsA400NamingTheNestedField() throws Exception {
        postJson("/pre-dose-check", """
                {"pregnancyTestNegative": true, "fastingConfirmed": true, "contraindicatedMedicationAbsent": true,
                 "cssrsNegative": true,
                 "vitals": {"systolicMmHg": 120, "diastolicMmHg": 80, "heartRateBpm": 70, "temperatureCelsius": 60.0},
                 "occurredAt": "2026-03-30T13:10:00Z"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("vitals.temperatureCelsius")));
        verifyNoInteractions(appointments, outbox);
    }

    @Test
    void anUnknownDoseKindIsA400NamingTheField() throws Exception {
        postJson("/doses", dose("BOOSTER", "40", START))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("doseKind"));
    }

    @Test
    void twoHundredMilligramsIsA422InitialDoseNotAllowedAndRecordsNothing() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        when(dosing.doses(APPOINTMENT)).thenReturn(List.of());
        when(dosing.latestPreDoseCheck(APPOINTMENT))
                .thenReturn(Optional.of(new PreDoseCheckOutcome(START.plus(Duration.ofMinutes(10)), true)));

        postJson("/doses", dose("INITIAL", "200", START.plus(Duration.ofMinutes(30))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "initial-dose-not-allowed"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.dosingNumber").value(1))
                .andExpect(jsonPath("$.amountMg").value(200))
                .andExpect(jsonPath("$.allowedMg").value(contains(80)));
        assertNothingRecorded();
    }

    @Test
    void anInitialDoseWithoutAPassedPreDoseCheckIsA422() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        when(dosing.doses(APPOINTMENT)).thenReturn(List.of());
        when(dosing.latestPreDoseCheck(APPOINTMENT))
                .thenReturn(Optional.of(new PreDoseCheckOutcome(START.plus(Duration.ofMinutes(10)), false)));

        postJson("/doses", dose("INITIAL", "80", START.plus(Duration.ofMinutes(30))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "pre-dose-check-not-passed"));
        assertNothingRecorded();
    }

    @Test
    void aSecondDosingSessionTenDaysAfterTheFirstIsA422DosingWindowViolated() throws Exception {
        givenDosingSession(2, AppointmentStatus.SCHEDULED);
        Instant previousDose = Instant.parse("2026-03-02T14:30:00Z");
        when(dosing.initialDose(JOURNEY, 1)).thenReturn(Optional.of(new Dose(DoseKind.INITIAL, BigDecimal.valueOf(80),
                previousDose)));
        when(appointments.countInCycle(JOURNEY, AppointmentKind.INTEGRATION, 1, AppointmentStatus.COMPLETED))
                .thenReturn(3);

        postJson("/check-in", """
                {"occurredAt": "%s"}
                """.formatted(previousDose.plus(Duration.ofDays(10))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "dosing-window-violated"))
                .andExpect(jsonPath("$.daysSincePreviousDose").value(10))
                .andExpect(jsonPath("$.minDays").value(21))
                .andExpect(jsonPath("$.maxDays").value(35))
                .andExpect(jsonPath("$.previousInitialDoseAt").value(previousDose.toString()));
        assertNothingRecorded();
    }

    @Test
    void theFirstDosingSessionBeforeThreeCompletedPreparatorySessionsIsA422() throws Exception {
        givenDosingSession(1, AppointmentStatus.SCHEDULED);
        when(appointments.count(JOURNEY, AppointmentKind.PREPARATORY, AppointmentStatus.COMPLETED)).thenReturn(2);

        postJson("/check-in", """
                {"occurredAt": "2026-03-30T13:00:00Z"}
                """)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "preparation-incomplete"))
                .andExpect(jsonPath("$.completedPreparatorySessions").value(2))
                .andExpect(jsonPath("$.requiredPreparatorySessions").value(3));
        assertNothingRecorded();
    }

    @Test
    void aSecondSupplementalDoseIsA422SupplementalDoseLimit() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        Instant initial = START.plus(Duration.ofMinutes(30));
        when(dosing.doses(APPOINTMENT)).thenReturn(List.of(new Dose(DoseKind.INITIAL, BigDecimal.valueOf(80), initial),
                new Dose(DoseKind.SUPPLEMENTAL, BigDecimal.valueOf(40), initial.plus(Duration.ofMinutes(95)))));

        postJson("/doses", dose("SUPPLEMENTAL", "40", initial.plus(Duration.ofMinutes(110))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "supplemental-dose-limit"))
                .andExpect(jsonPath("$.maxSupplementalDoses").value(1));
        assertNothingRecorded();
    }

    @Test
    void aSupplementalDoseInItsWindowIsRecordedAndPublished() throws Exception {
        Instant initial = givenInitialDose();
        Instant at = initial.plus(Duration.ofMinutes(100));
        when(dosing.latestVitals(APPOINTMENT, at)).thenReturn(Optional.of(new VitalsReading(
                at.minus(Duration.ofMinutes(10)), new VitalSigns(141, 88, 92, new BigDecimal("37.1")))));

        postJson("/doses", dose("SUPPLEMENTAL", "40", initial.plus(Duration.ofMinutes(100))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.doseKind").value("SUPPLEMENTAL"))
                .andExpect(jsonPath("$.totalMg").value(120))
                .andExpect(jsonPath("$.minutesSinceInitialDose").value(100));
        verify(outbox).publish(eq(Topic.SCHEDULING), eq(JOURNEY), any(DoseAdministered.class));
    }

    @Test
    void aPreDoseCheckBeforeCheckInIsA409() throws Exception {
        givenDosingSession(1, AppointmentStatus.SCHEDULED);
        postJson("/pre-dose-check", """
                {"pregnancyTestNegative": true, "fastingConfirmed": true, "contraindicatedMedicationAbsent": true,
                 "cssrsNegative": true,
                 "vitals": {"systolicMmHg": 120, "diastolicMmHg": 80, "heartRateBpm": 70, "temperatureCelsius": 36.8},
                 "occurredAt": "2026-03-30T13:10:00Z"}
                """)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-appointment-state"));
        verify(outbox, never()).publish(any(), anyString(), any());
    }

    @Test
    void anAbortNeedsAReasonCodeNotFreeText() throws Exception {
        postJson("/dosing-abort", """
                {"reason": "patient felt unwell and asked to stop", "occurredAt": "2026-03-30T14:00:00Z"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("reason")));
        verifyNoInteractions(appointments, outbox);
    }

    @Test
    void anAbortedDosingSessionIsClosedAndPublished() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        postJson("/dosing-abort", """
                {"reason": "VITALS_OUT_OF_RANGE", "occurredAt": "2026-03-30T14:00:00Z"}
                """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ABORTED"));
        verify(appointments).close(APPOINTMENT, AppointmentStatus.ABORTED, Instant.parse("2026-03-30T14:00:00Z"),
                "VITALS_OUT_OF_RANGE", null);
        verify(outbox).publish(eq(Topic.SCHEDULING), eq(JOURNEY), any(DosingSessionAborted.class));
    }

    @Test
    void completingADosingSessionThroughTheTalkingSessionEndpointIsA409() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        postJson("/completion", """
                {"occurredAt": "2026-03-30T22:00:00Z"}
                """)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "wrong-session-kind"));
        verify(outbox, never()).publish(any(), anyString(), any());
    }

    @Test
    void aNoShowOverRestMarksTheSessionMissed() throws Exception {
        givenDosingSession(1, AppointmentStatus.SCHEDULED);
        postJson("/no-show", """
                {"occurredAt": "2026-03-30T15:00:00Z", "reason": "NO_CONTACT"}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MISSED"));
        verify(outbox).publish(eq(Topic.SCHEDULING), eq(JOURNEY), any(SessionMissed.class));
    }

    @Test
    void anUnknownAppointmentIsA404() throws Exception {
        when(appointments.lock("nowhere")).thenReturn(Optional.empty());
        mvc.perform(post("/api/v1/appointments/nowhere/check-in").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"occurredAt\": \"2026-03-30T13:00:00Z\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
    }

    @Test
    void aSupplementalDoseTenMinutesAfterASystolicOf165IsA422AndRecordsNothing() throws Exception {
        Instant initial = givenInitialDose();
        Instant at = initial.plus(Duration.ofMinutes(100));
        when(dosing.latestVitals(APPOINTMENT, at)).thenReturn(Optional.of(new VitalsReading(
                at.minus(Duration.ofMinutes(10)), new VitalSigns(165, 95, 96, new BigDecimal("37.6")))));

        postJson("/doses", dose("SUPPLEMENTAL", "40", at))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "supplemental-dose-vitals-out-of-range"))
                .andExpect(jsonPath("$.outOfRange").value(contains("SYSTOLIC_HIGH")));
        assertNothingRecorded();
    }

    @Test
    void aSupplementalDoseWithoutRecentVitalSignsIsA422() throws Exception {
        Instant initial = givenInitialDose();

        postJson("/doses", dose("SUPPLEMENTAL", "40", initial.plus(Duration.ofMinutes(100))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "supplemental-dose-vitals-required"))
                .andExpect(jsonPath("$.vitalsWithinMinutes").value(30));
        assertNothingRecorded();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/check-in", "/completion", "/pre-dose-check", "/doses", "/vitals", "/dosing-completion"})
    void everyCommandOnAWithdrawnJourneyIsA409AndRecordsNothing(String command) throws Exception {
        AppointmentStatus status = command.equals("/check-in") ? AppointmentStatus.SCHEDULED
                : AppointmentStatus.CHECKED_IN;
        givenDosingSession(1, status, START.minus(Duration.ofDays(1)));
        when(appointments.count(JOURNEY, AppointmentKind.PREPARATORY, AppointmentStatus.COMPLETED)).thenReturn(3);
        when(dosing.latestPreDoseCheck(APPOINTMENT))
                .thenReturn(Optional.of(new PreDoseCheckOutcome(START.plus(Duration.ofMinutes(10)), true)));
        Instant at = START.plus(Duration.ofMinutes(30));
        String body = switch (command) {
            case "/pre-dose-check" -> preDoseCheck(at);
            case "/doses" -> dose("INITIAL", "80", at);
            case "/vitals" -> vitals(at);
            case "/dosing-completion" -> """
                    {"occurredAt": "%s", "overnightStay": true}""".formatted(START.plus(Duration.ofHours(23)));
            default -> """
                    {"occurredAt": "%s"}""".formatted(at);
        };

        postJson(command, body)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "journey-withdrawn"));
        assertNothingRecorded();
        verify(scheduler, never()).bookAfterDosing(any(), any(), any(), any(), any());
        verify(appointments, never()).close(anyString(), any(), any(), any(), any());
    }

    @Test
    void everyCommandLocksTheJourneyPlanBeforeTheAppointment() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);

        postJson("/vitals", vitals(START.plus(Duration.ofMinutes(60)))).andExpect(status().isCreated());
        InOrder order = inOrder(journeys, appointments, outbox);
        order.verify(journeys).lock(JOURNEY);
        order.verify(appointments).lock(APPOINTMENT);
        order.verify(outbox).publish(eq(Topic.SCHEDULING), eq(JOURNEY), any(VitalSignsRecorded.class));
    }

    @Test
    void anOccurredAtMoreThanTheAllowedSkewAheadIsA400NamingTheField() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        postJson("/vitals", vitals(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("occurredAt")));
        verify(outbox, never()).publish(any(), anyString(), any());
        verify(dosing, never()).insertVitals(anyString(), any(), any(), any(), any());
    }

    @Test
    void anOccurredAtWithinTheAllowedSkewIsAccepted() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        postJson("/vitals", vitals(NOW.plus(Duration.ofMinutes(5))))
                .andExpect(status().isCreated());
    }

    @Test
    void vitalSignsBeforeTheCheckInAreA422DosingSequenceViolated() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        Instant early = START.minus(Duration.ofMinutes(1));
        postJson("/vitals", vitals(early))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "dosing-sequence-violated"))
                .andExpect(jsonPath("$.step").value("VITALS"))
                .andExpect(jsonPath("$.mustFollow").value("CHECK_IN"))
                .andExpect(jsonPath("$.mustFollowAt").value(START.toString()))
                .andExpect(jsonPath("$.occurredAt").value(early.toString()));
        verify(dosing, never()).insertVitals(anyString(), any(), any(), any(), any());
        verify(outbox, never()).publish(any(), anyString(), any());
    }

    @Test
    void anInitialDoseBeforeThePreDoseCheckIsA422DosingSequenceViolated() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        when(dosing.doses(APPOINTMENT)).thenReturn(List.of());
        when(dosing.latestPreDoseCheck(APPOINTMENT))
                .thenReturn(Optional.of(new PreDoseCheckOutcome(START.plus(Duration.ofMinutes(10)), true)));

        postJson("/doses", dose("INITIAL", "80", START.plus(Duration.ofMinutes(5))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "dosing-sequence-violated"))
                .andExpect(jsonPath("$.mustFollow").value("PRE_DOSE_CHECK"));
        assertNothingRecorded();
    }

    @Test
    void dischargeBeforeTheSupplementalDoseIsA422DosingSequenceViolated() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        Instant initial = START.plus(Duration.ofMinutes(30));
        Instant supplemental = initial.plus(Duration.ofHours(9));
        when(dosing.doses(APPOINTMENT)).thenReturn(List.of(new Dose(DoseKind.INITIAL, BigDecimal.valueOf(80), initial),
                new Dose(DoseKind.SUPPLEMENTAL, BigDecimal.valueOf(40), supplemental)));

        postJson("/dosing-completion", """
                {"occurredAt": "%s", "overnightStay": true}""".formatted(supplemental.minusSeconds(60)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "dosing-sequence-violated"))
                .andExpect(jsonPath("$.mustFollow").value("SUPPLEMENTAL_DOSE"));
        verify(appointments, never()).close(anyString(), any(), any(), any(), any());
        verify(outbox, never()).publish(any(), anyString(), any());
    }

    @Test
    void aSecondDosingSessionBeforeThreeCompletedIntegrationSessionsIsA422() throws Exception {
        givenDosingSession(2, AppointmentStatus.SCHEDULED);
        Instant previousDose = START.minus(Duration.ofDays(28));
        when(dosing.initialDose(JOURNEY, 1)).thenReturn(Optional.of(new Dose(DoseKind.INITIAL, BigDecimal.valueOf(80),
                previousDose)));
        when(appointments.countInCycle(JOURNEY, AppointmentKind.INTEGRATION, 1, AppointmentStatus.COMPLETED))
                .thenReturn(2);

        postJson("/check-in", """
                {"occurredAt": "%s"}""".formatted(START))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "integration-incomplete"))
                .andExpect(jsonPath("$.completedIntegrationSessions").value(2))
                .andExpect(jsonPath("$.requiredIntegrationSessions").value(3));
        assertNothingRecorded();
    }

    @Test
    void aCompletionWithoutTheRequiredOvernightStayIsA422() throws Exception {
        Instant initial = givenInitialDose();
        postJson("/dosing-completion", """
                {"occurredAt": "%s", "overnightStay": false}""".formatted(initial.plus(Duration.ofHours(9))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "overnight-stay-required"));
        verify(appointments, never()).close(anyString(), any(), any(), any(), any());
        verify(scheduler, never()).bookAfterDosing(any(), any(), any(), any(), any());
    }

    @Test
    void aCompletionReportsTheSessionsThatFoundNoSlot() throws Exception {
        Instant initial = givenInitialDose();
        Instant from = START.plus(Duration.ofDays(1));
        when(scheduler.bookAfterDosing(any(), any(), eq(initial), any(), any())).thenReturn(new CourseScheduler.Bookings(
                List.of(), List.of(new PendingBooking(AppointmentKind.INTEGRATION, 1, 1, from,
                        initial.plus(Duration.ofHours(24))))));

        postJson("/dosing-completion", """
                {"occurredAt": "%s", "overnightStay": true}""".formatted(initial.plus(Duration.ofHours(9))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scheduled").isEmpty())
                .andExpect(jsonPath("$.bookingsPending[0].kind").value("INTEGRATION"))
                .andExpect(jsonPath("$.bookingsPending[0].sequence").value(1))
                .andExpect(jsonPath("$.bookingsPending[0].earliest").value(from.toString()));
        verify(outbox).publish(eq(Topic.SCHEDULING), eq(JOURNEY), any(DosingSessionCompleted.class));
    }

    @Test
    void anIdempotencyKeyOverTheMaximumLengthIsA400NamingTheHeader() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        mvc.perform(post("/api/v1/appointments/" + APPOINTMENT + "/vitals").contentType(MediaType.APPLICATION_JSON)
                        .header(IdempotentCommands.HEADER, "k".repeat(201))
                        .content(vitals(START.plus(Duration.ofMinutes(60)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("Idempotency-Key")));
        verifyNoInteractions(idempotencyStore, outbox);
    }

    @Test
    void anIdempotencyKeyOfTheMaximumLengthIsAccepted() throws Exception {
        givenDosingSession(1, AppointmentStatus.CHECKED_IN);
        String key = "k".repeat(200);
        when(idempotencyStore.claim(eq(key), anyString(), anyString())).thenReturn(true);
        mvc.perform(post("/api/v1/appointments/" + APPOINTMENT + "/vitals").contentType(MediaType.APPLICATION_JSON)
                        .header(IdempotentCommands.HEADER, key)
                        .content(vitals(START.plus(Duration.ofMinutes(60)))))
                .andExpect(status().isCreated());
        verify(idempotencyStore).store(eq(key),
                eq("POST /api/v1/appointments/{appointmentId}/vitals appointmentId=" + APPOINTMENT), eq(201),
                anyString());
    }

    static String preDoseCheck(Instant at) {
        return """
                {"pregnancyTestNegative": true, "fastingConfirmed": true, "contraindicatedMedicationAbsent": true,
                 "cssrsNegative": true,
                 "vitals": {"systolicMmHg": 120, "diastolicMmHg": 80, "heartRateBpm": 70, "temperatureCelsius": 36.8},
                 "occurredAt": "%s"}
                """.formatted(at);
    }

    static String vitals(Instant at) {
        return """
                {"systolicMmHg": 128, "diastolicMmHg": 81, "heartRateBpm": 80, "temperatureCelsius": 36.8,
                 "occurredAt": "%s"}
                """.formatted(at);
    }
}
