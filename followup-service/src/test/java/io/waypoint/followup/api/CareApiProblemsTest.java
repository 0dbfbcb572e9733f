package io.waypoint.followup.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waypoint.followup.app.CareCommands;
import io.waypoint.followup.app.JourneyQueries;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.platform.problem.ProblemHandler;
import io.waypoint.platform.rules.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Rejected requests come back as RFC 9457 problem+json with a stable type, and change nothing. */
@WebMvcTest(controllers = {CareController.class, JourneyController.class})
@Import({ProblemHandler.class, CareApiProblemsTest.FixedClock.class})
class CareApiProblemsTest {

    private static final String JOURNEY = "3c9d0b1e-2f4a-4b5c-8d6e-7f8091a2b3c4";
    private static final String BASE = "/api/v1/journeys/" + JOURNEY;

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired MockMvc mvc;
    @MockitoBean CareCommands commands;
    @MockitoBean JourneyQueries journeys;

    @Test
    void aCheckInWithoutOccurredAtAndAnOutOfScaleItem9IsAnInvalidRequestNamingBothFields() throws Exception {
        mvc.perform(post(BASE + "/check-ins").contentType(MediaType.APPLICATION_JSON).content("""
                        {"phq9Item9": 4, "cssrsPositive": false, "concernRaised": false}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("occurredAt", "phq9Item9")));
        verifyNoInteractions(commands);
    }

    @Test
    void anOccurredAtOrOnsetLaterThanTheClockAllowsIsAnInvalidRequestNamingTheField() throws Exception {
        mvc.perform(post(BASE + "/check-ins").contentType(MediaType.APPLICATION_JSON).content("""
                        {"cssrsPositive": false, "concernRaised": false, "occurredAt": "%s"}
                        """.formatted(NOW.plusSeconds(301))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("occurredAt")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("PT5M")));

        mvc.perform(post(BASE + "/adverse-events").contentType(MediaType.APPLICATION_JSON).content("""
                        {"term": "Nausea", "severity": "MILD", "serious": false, "favourable": false,
                         "onsetAt": "%s", "occurredAt": "%s"}
                        """.formatted(NOW.plus(Duration.ofDays(1)), NOW)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("onsetAt")));

        mvc.perform(post(BASE + "/outcome-assessments").contentType(MediaType.APPLICATION_JSON).content("""
                        {"instrument": "CAPS5", "timepoint": "PRIMARY_ENDPOINT", "score": 21, "raterId": "rater-1",
                         "occurredAt": "2026-06-02T08:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("occurredAt")));

        mvc.perform(post(BASE + "/safety-hold/release").contentType(MediaType.APPLICATION_JSON).content("""
                        {"releasedBy": "dr-7", "occurredAt": "2026-06-01T09:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("occurredAt")));
        verifyNoInteractions(commands);
    }

    @Test
    void anOccurredAtWithinTheClockSkewIsAccepted() throws Exception {
        when(commands.recordCheckIn(eq(JOURNEY), any())).thenReturn(new CareCommands.Recorded("c-1", List.of(), false));

        mvc.perform(post(BASE + "/check-ins").contentType(MediaType.APPLICATION_JSON).content("""
                        {"cssrsPositive": false, "concernRaised": false, "occurredAt": "%s"}
                        """.formatted(NOW.plusSeconds(300))))
                .andExpect(status().isCreated());
    }

    @Test
    void anUnknownSeverityIsAnInvalidRequestNamingTheField() throws Exception {
        mvc.perform(post(BASE + "/adverse-events").contentType(MediaType.APPLICATION_JSON).content("""
                        {"term": "Nausea", "severity": "CATASTROPHIC", "serious": false, "favourable": false,
                         "onsetAt": "2026-03-02T10:00:00Z", "occurredAt": "2026-03-02T11:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("severity"));
        verifyNoInteractions(commands);
    }

    @Test
    void anAdverseEventTermThatIsANarrativeIsRefused() throws Exception {
        mvc.perform(post(BASE + "/adverse-events").contentType(MediaType.APPLICATION_JSON).content("""
                        {"term": "Nausea.\\nPatient said her husband drove her home", "severity": "MILD",
                         "serious": false, "favourable": false,
                         "onsetAt": "2026-03-02T10:00:00Z", "occurredAt": "2026-03-02T11:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("term"));
        verifyNoInteractions(commands);
    }

    @Test
    void thePrimaryCaps5ByACareTeamMemberIsA422WithTheRuleType() throws Exception {
        when(commands.recordAssessment(eq(JOURNEY), any())).thenThrow(Violation.rule(
                "rater-not-independent", "Rater is on the care team",
                "The CAPS5 assessment at PRIMARY_ENDPOINT must be rated by someone outside the journey's care team.",
                "instrument", "CAPS5", "timepoint", "PRIMARY_ENDPOINT").reject());

        mvc.perform(post(BASE + "/outcome-assessments").contentType(MediaType.APPLICATION_JSON).content("""
                        {"instrument": "CAPS5", "timepoint": "PRIMARY_ENDPOINT", "score": 21, "raterId": "t-lead",
                         "occurredAt": "2026-05-11T10:00:00Z"}
                        """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/rater-not-independent"))
                .andExpect(jsonPath("$.instrument").value("CAPS5"))
                .andExpect(jsonPath("$.timepoint").value("PRIMARY_ENDPOINT"));
    }

    @Test
    void aTimepointThatIsNotACodeIsRefused() throws Exception {
        mvc.perform(post(BASE + "/outcome-assessments").contentType(MediaType.APPLICATION_JSON).content("""
                        {"instrument": "CAPS5", "timepoint": "after the second session", "score": 21,
                         "raterId": "rater-1", "occurredAt": "2026-05-11T10:00:00Z"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("timepoint"));
        verifyNoInteractions(commands);
    }

    @Test
    void aCheckInForAnUnknownJourneyIsNotFound() throws Exception {
        when(commands.recordCheckIn(eq(JOURNEY), any())).thenThrow(new NotFoundException("journey", JOURNEY));

        mvc.perform(post(BASE + "/check-ins").contentType(MediaType.APPLICATION_JSON).content("""
                        {"cssrsPositive": false, "concernRaised": false, "occurredAt": "2026-03-03T10:00:00Z"}
                        """))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/not-found"));
    }

    @Test
    void releasingWithoutAnActiveHoldIsAConflict() throws Exception {
        when(commands.releaseSafetyHold(eq(JOURNEY), eq("dr-7"), any())).thenThrow(Violation.conflict(
                "no-active-safety-hold", "Journey " + JOURNEY + " has no active safety hold.").reject());

        mvc.perform(post(BASE + "/safety-hold/release").contentType(MediaType.APPLICATION_JSON).content("""
                        {"releasedBy": "dr-7", "occurredAt": "2026-03-04T10:00:00Z"}
                        """))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/no-active-safety-hold"));
    }

    @Test
    void anUnknownStageFilterIsAnInvalidRequest() throws Exception {
        mvc.perform(get("/api/v1/journeys").param("stage", "DOSING_ZERO"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/invalid-request"));
        verifyNoInteractions(journeys);
    }

    @Test
    void anUnknownJourneyIsNotFound() throws Exception {
        when(journeys.journey(JOURNEY)).thenThrow(new NotFoundException("journey", JOURNEY));

        mvc.perform(get(BASE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
