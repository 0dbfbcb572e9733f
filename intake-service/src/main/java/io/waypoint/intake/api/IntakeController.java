package io.waypoint.intake.api;

import io.waypoint.intake.api.Responses.ConsentResponse;
import io.waypoint.intake.api.Responses.EnrollmentResponse;
import io.waypoint.intake.api.Responses.JourneyResponse;
import io.waypoint.intake.api.Responses.Protocol;
import io.waypoint.intake.api.Responses.ReferralResponse;
import io.waypoint.intake.api.Responses.ScreeningResponse;
import io.waypoint.intake.api.Responses.WithdrawalResponse;
import io.waypoint.intake.journey.JourneyStatus;
import io.waypoint.intake.workflow.IntakeWorkflow;
import io.waypoint.intake.workflow.IntakeWorkflow.EnrollmentOutcome;
import io.waypoint.intake.workflow.IntakeWorkflow.ReferralOutcome;
import io.waypoint.intake.workflow.IntakeWorkflow.ScreeningOutcome;
import io.waypoint.platform.idempotency.IdempotentCommands;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referral, screening, consent, enrollment and withdrawal of a journey. Every command may carry an
 * {@code Idempotency-Key} header. Errors are problem+json: 400 for invalid input, 404 for an unknown journey,
 * 409 for a command out of order, 422 for a protocol rule.
 */
@RestController
@RequestMapping("/api/v1")
public class IntakeController {

    private final IntakeWorkflow workflow;
    private final IdempotentCommands idempotent;

    public IntakeController(IntakeWorkflow workflow, IdempotentCommands idempotent) {
        this.workflow = workflow;
        this.idempotent = idempotent;
    }

    /** 201 with a new journey; 200 with the existing journey when the referral id is already known. */
    @PostMapping("/referrals")
    public ResponseEntity<ReferralResponse> refer(
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            @Valid @RequestBody ReferralRequest request) {
        return idempotent.run(key, "POST /api/v1/referrals", request, ReferralResponse.class, () -> {
            ReferralOutcome outcome = workflow.refer(request.toReferral(), null);
            return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(new ReferralResponse(outcome.referralId(), outcome.journeyId(), outcome.status()));
        });
    }

    @PostMapping("/journeys/{journeyId}/screening")
    public ResponseEntity<ScreeningResponse> screen(
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable String journeyId, @Valid @RequestBody ScreeningRequest request) {
        return idempotent.run(key, "POST /api/v1/journeys/" + journeyId + "/screening", request, HttpStatus.CREATED,
                ScreeningResponse.class, () -> {
                    ScreeningOutcome outcome = workflow.screen(journeyId, request.toCommand());
                    return new ScreeningResponse(outcome.screeningId(), outcome.eligible(), outcome.reasons());
                });
    }

    @PostMapping("/journeys/{journeyId}/consent")
    public ResponseEntity<ConsentResponse> consent(
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable String journeyId, @Valid @RequestBody ConsentRequest request) {
        return idempotent.run(key, "POST /api/v1/journeys/" + journeyId + "/consent", request, HttpStatus.CREATED,
                ConsentResponse.class, () -> {
                    workflow.consent(journeyId, request.toCommand());
                    return new ConsentResponse(journeyId, JourneyStatus.CONSENTED);
                });
    }

    @PostMapping("/journeys/{journeyId}/enrollment")
    public ResponseEntity<EnrollmentResponse> enroll(
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable String journeyId, @Valid @RequestBody EnrollmentRequest request) {
        return idempotent.run(key, "POST /api/v1/journeys/" + journeyId + "/enrollment", request, HttpStatus.CREATED,
                EnrollmentResponse.class, () -> {
                    EnrollmentOutcome outcome = workflow.enroll(journeyId, request.toCommand());
                    return new EnrollmentResponse(outcome.journeyId(), Protocol.of(outcome.protocol()));
                });
    }

    @PostMapping("/journeys/{journeyId}/withdrawal")
    public ResponseEntity<WithdrawalResponse> withdraw(
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            @PathVariable String journeyId, @Valid @RequestBody WithdrawalRequest request) {
        return idempotent.run(key, "POST /api/v1/journeys/" + journeyId + "/withdrawal", request, HttpStatus.CREATED,
                WithdrawalResponse.class, () -> {
                    workflow.withdraw(journeyId, request.toCommand());
                    return new WithdrawalResponse(journeyId, JourneyStatus.WITHDRAWN);
                });
    }

    @GetMapping("/journeys/{journeyId}")
    public JourneyResponse journey(@PathVariable String journeyId) {
        return JourneyResponse.of(workflow.journey(journeyId));
    }
}
