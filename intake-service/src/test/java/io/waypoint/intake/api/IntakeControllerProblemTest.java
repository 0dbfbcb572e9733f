package io.waypoint.intake.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waypoint.intake.app.IntakeWorkflow;
import io.waypoint.intake.journey.JourneyStatus;
import io.waypoint.platform.idempotency.IdempotencyStore;
import io.waypoint.platform.idempotency.IdempotentCommands;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.platform.problem.ProblemHandler;
import io.waypoint.platform.test.WithIdempotentCommands;
import io.waypoint.platform.rules.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

@WebMvcTest(IntakeController.class)
@WithIdempotentCommands
@Import({ProblemHandler.class, IdempotentCommands.class, IntakeControllerProblemTest.FixedClock.class})
class IntakeControllerProblemTest {

    private static final String PROBLEMS = "https://waypoint.example/problems/";
    private static final String JOURNEY = "5b0c1b36-7f4e-4d7c-9d55-2a0a2f3f1e11";
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    /** The clock {@code @NotAfterNow} checks against. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired MockMvc mvc;
    @MockitoBean IntakeWorkflow workflow;
    @MockitoBean IdempotencyStore idempotencyStore;
    @MockitoBean PlatformTransactionManager transactions;

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        mvc.perform(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("{\"siteId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("(body)"));
        verifyNoInteractions(workflow);
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        mvc.perform(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"givenName": "Ada", "familyName": "Example", "birthDate": "1980-04-02",
                         "occurredAt": "2026-01-05T09:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("siteId")));
        verifyNoInteractions(workflow);
    }

    @Test
    void aMissingNestedFieldIsNamedWithItsPath() throws Exception {
        mvc.perform(post("/api/v1/journeys/{id}/screening", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"ptsdDurationMonths": 12, "caps5Total": 40,
                         "cssrs": {"wishToBeDead": false, "activeThoughts": false, "methodThoughts": false,
                                   "planWithIntent": false, "recentBehaviour": false},
                         "occurredAt": "2026-01-12T09:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("cssrs.intent")));
        verifyNoInteractions(workflow);
    }

    @Test
    void aWronglyTypedValueIsNamed() throws Exception {
        mvc.perform(post("/api/v1/journeys/{id}/screening", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"ptsdDurationMonths": 12, "caps5Total": "severe",
                         "cssrs": {"wishToBeDead": false, "activeThoughts": false, "methodThoughts": false,
                                   "intent": false, "planWithIntent": false, "recentBehaviour": false},
                         "occurredAt": "2026-01-12T09:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("caps5Total"));
    }

    @Test
    void aCaps5TotalOutsideItsRangeAndFreeTextCodesAreRefused() throws Exception {
        mvc.perform(post("/api/v1/journeys/{id}/screening", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"ptsdDurationMonths": 12, "caps5Total": 81,
                         "cssrs": {"wishToBeDead": false, "activeThoughts": false, "methodThoughts": false,
                                   "intent": false, "planWithIntent": false, "recentBehaviour": false},
                         "exclusionCodes": ["lives with her sister"],
                         "occurredAt": "2026-01-12T09:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(
                        containsInAnyOrder("caps5Total", "exclusionCodes[0]")));
        verifyNoInteractions(workflow);
    }

    @Test
    void aProtocolRuleViolationIsA422WithItsTypeAndParameters() throws Exception {
        when(workflow.enroll(eq(JOURNEY), any())).thenThrow(Violation.rule("baseline-below-threshold",
                "Baseline CAPS-5 below threshold", "The baseline CAPS-5 total 30 is below the protocol's minimum of 35.",
                "baselineCaps5Total", 30, "minCaps5Total", 35).reject());

        mvc.perform(post("/api/v1/journeys/{id}/enrollment", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"baselineCaps5Total": 30, "baselineAt": "2026-01-20T09:00:00Z",
                         "pregnancyTestRequired": false, "occurredAt": "2026-01-20T10:00:00Z"}
                        """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "baseline-below-threshold"))
                .andExpect(jsonPath("$.minCaps5Total").value(35))
                .andExpect(jsonPath("$.baselineCaps5Total").value(30));
    }

    @Test
    void aCommandOutOfOrderIsA409WithAStableType() throws Exception {
        doThrow(Violation.conflict("screening-missing",
                        "Consent needs an eligibility decision; the journey has not been screened.").reject())
                .when(workflow).consent(eq(JOURNEY), any());

        mvc.perform(post("/api/v1/journeys/{id}/consent", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"consentFormVersion": "ICF-3.1", "overnightStayAgreed": true, "recordingAgreed": true,
                         "occurredAt": "2026-01-13T09:00:00Z"}
                        """))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "screening-missing"));
    }

    @Test
    void freeTextIdentifiersAreRefusedNamingTheFieldsButNotEchoingTheValues() throws Exception {
        mvc.perform(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"referralId": "Referral for Ada Example", "siteId": "Ada's GP, 4 High St",
                         "givenName": "Ada", "familyName": "Example", "birthDate": "1980-04-02",
                         "occurredAt": "2026-01-05T09:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("referralId", "siteId")))
                .andExpect(content().string(not(containsString("Ada"))));

        mvc.perform(post("/api/v1/journeys/{id}/consent", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"consentFormVersion": "signed by Ada Example on paper", "overnightStayAgreed": true,
                         "recordingAgreed": true, "occurredAt": "2026-01-13T09:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("consentFormVersion")))
                .andExpect(content().string(not(containsString("Ada"))));
        verifyNoInteractions(workflow);
    }

    @Test
    void theDemoAndFrontDeskIdentifiersAreAccepted() throws Exception {
        when(workflow.refer(any())).thenReturn(new IntakeWorkflow.ReferralOutcome(
                "demo-1b4e28ba-2fa1-11d2-883f-0016d3cca427", JOURNEY, JourneyStatus.REFERRED, true));

        mvc.perform(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"referralId": "demo-1b4e28ba-2fa1-11d2-883f-0016d3cca427", "siteId": "demo-clinic",
                         "givenName": "Ada", "familyName": "Example", "birthDate": "1980-04-02",
                         "occurredAt": "2026-01-05T09:00:00Z"}
                        """))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/journeys/{id}/consent", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"consentFormVersion": "MAPP1-ICF-5.0", "overnightStayAgreed": true, "recordingAgreed": true,
                         "occurredAt": "2026-01-13T09:00:00Z"}
                        """))
                .andExpect(status().isCreated());
    }

    @Test
    void anOccurredAtBeyondTheClockSkewIsRefusedNamingIt() throws Exception {
        mvc.perform(post("/api/v1/journeys/{id}/screening", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content(screeningAt(NOW.plusSeconds(301))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("occurredAt")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("PT5M")));

        mvc.perform(post("/api/v1/journeys/{id}/enrollment", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"baselineCaps5Total": 40, "baselineAt": "2026-02-02T09:00:00Z",
                         "pregnancyTestRequired": false, "occurredAt": "2026-02-02T10:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("baselineAt", "occurredAt")));
        verifyNoInteractions(workflow);
    }

    @Test
    void anOccurredAtWithinTheClockSkewIsAccepted() throws Exception {
        when(workflow.screen(eq(JOURNEY), any())).thenReturn(
                new IntakeWorkflow.ScreeningOutcome(UUID.randomUUID(), true, List.of()));

        mvc.perform(post("/api/v1/journeys/{id}/screening", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .content(screeningAt(NOW.plusSeconds(300))))
                .andExpect(status().isCreated());
    }

    @Test
    void anInvalidHeaderIsA400NamingTheHeader() throws Exception {
        mvc.perform(post("/api/v1/journeys/{id}/screening", JOURNEY).contentType(MediaType.APPLICATION_JSON)
                        .header(IdempotentCommands.HEADER, "k".repeat(201)).content(screeningAt(NOW)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 200 characters"));
        verifyNoInteractions(workflow, idempotencyStore);
    }

    private static String screeningAt(Instant occurredAt) {
        return """
                {"ptsdDurationMonths": 12, "caps5Total": 40,
                 "cssrs": {"wishToBeDead": false, "activeThoughts": false, "methodThoughts": false,
                           "intent": false, "planWithIntent": false, "recentBehaviour": false},
                 "occurredAt": "%s"}
                """.formatted(occurredAt);
    }

    @Test
    void anUnknownJourneyIsA404() throws Exception {
        when(workflow.journey(JOURNEY)).thenThrow(new NotFoundException("journey", JOURNEY));

        mvc.perform(get("/api/v1/journeys/{id}", JOURNEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
    }

    @Test
    void anAcceptedReferralIs201WithTheJourney() throws Exception {
        when(workflow.refer(any())).thenReturn(
                new IntakeWorkflow.ReferralOutcome("ref-1", JOURNEY, JourneyStatus.REFERRED, true));

        mvc.perform(post("/api/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"referralId": "ref-1", "siteId": "site-1", "givenName": "Ada", "familyName": "Example",
                         "birthDate": "1980-04-02", "occurredAt": "2026-01-05T09:00:00Z"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.journeyId").value(JOURNEY))
                .andExpect(jsonPath("$.referralId").value("ref-1"))
                .andExpect(jsonPath("$.status").value("REFERRED"));
    }
}
