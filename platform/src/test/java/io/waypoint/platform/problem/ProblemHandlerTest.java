package io.waypoint.platform.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.waypoint.platform.rules.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@WebMvcTest(controllers = ProblemHandlerTest.DoseController.class)
@Import({ProblemHandler.class, ProblemHandlerTest.DoseController.class})
class ProblemHandlerTest {

    @Autowired MockMvc mvc;

    @SpringBootConfiguration
    static class Config {
    }

    record Vitals(@NotNull Integer heartRateBpm) {
    }

    record Dose(@NotNull @Max(500) Integer amountMg, @NotNull @Valid Vitals vitals) {
    }

    @RestController
    static class DoseController {
        @PostMapping("/doses/{outcome}")
        Map<String, String> dose(@PathVariable String outcome, @Valid @RequestBody Dose dose,
                                 @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 8) String key) {
            return switch (outcome) {
                case "too-much" -> throw Violation.rule("session-maximum-exceeded",
                        "Session maximum exceeded", "200 mg would exceed the 180 mg maximum",
                        "maximumMg", 180, "requestedTotalMg", 200).reject();
                case "missing" -> throw new NotFoundException("appointment", "a-1");
                case "conflict" -> throw Violation.conflict("invalid-appointment-state", "already completed").reject();
                default -> Map.of("ok", "true");
            };
        }
    }

    @Test
    void anOutOfRangeOrMissingFieldIsA400NamingEachField() throws Exception {
        mvc.perform(post("/doses/ok").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMg\": 900, \"vitals\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[?(@.field == 'amountMg')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'vitals.heartRateBpm')]").exists());
    }

    @Test
    void bodyErrorsAreNamedByFieldAlsoWhenAHeaderIsConstrained() throws Exception {
        mvc.perform(post("/doses/ok").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k-1")
                        .content("{\"vitals\": {\"heartRateBpm\": 80}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amountMg"));
        mvc.perform(post("/doses/ok").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "far-too-long")
                        .content("{\"amountMg\": 80, \"vitals\": {\"heartRateBpm\": 80}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400() throws Exception {
        mvc.perform(post("/doses/ok").contentType(MediaType.APPLICATION_JSON).content("{\"amountMg\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("(body)"));
        mvc.perform(post("/doses/ok").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMg\": 80, \"vitals\": {\"heartRateBpm\": \"fast\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("vitals.heartRateBpm"));
    }

    @Test
    void aRuleViolationIsA422WithAStableTypeAndTheRuleParameters() throws Exception {
        mvc.perform(post("/doses/too-much").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMg\": 80, \"vitals\": {\"heartRateBpm\": 80}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/session-maximum-exceeded"))
                .andExpect(jsonPath("$.maximumMg").value(180))
                .andExpect(jsonPath("$.requestedTotalMg").value(200));
    }

    @Test
    void notFoundAndConflictAreProblemsToo() throws Exception {
        mvc.perform(post("/doses/missing").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMg\": 80, \"vitals\": {\"heartRateBpm\": 80}}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/not-found"));
        mvc.perform(post("/doses/conflict").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMg\": 80, \"vitals\": {\"heartRateBpm\": 80}}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://waypoint.example/problems/invalid-appointment-state"));
    }
}
