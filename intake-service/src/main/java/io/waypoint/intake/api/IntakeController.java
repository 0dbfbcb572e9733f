package io.waypoint.intake.api;

import io.waypoint.intake.api.Responses.ConsentResponse;
import io.waypoint.intake.api.Responses.EnrollmentResponse;
import io.waypoint.intake.api.Responses.JourneyResponse;
import io.waypoint.intake.api.Responses.Protocol;
import io.waypoint.intake.api.Responses.ReferralResponse;
import io.waypoint.intake.api.Responses.ScreeningResponse;
import io.waypoint.intake.api.Responses.WithdrawalResponse;
import io.waypoint.intake.app.IntakeWorkflow;
import io.waypoint.intake.app.IntakeWorkflow.EnrollmentOutcome;
import io.waypoint.intake.app.IntakeWorkflow.ReferralOutcome;
import io.waypoint.intake.app.IntakeWorkflow.ScreeningOutcome;
import io.waypoint.intake.journey.JourneyStatus;
import io.waypoint.platform.idempotency.Idempotent;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referral, screening, consent, enrollment and withdrawal of a journey. Every command is {@link Idempotent} under
 * an optional {@code Idempotency-Key} header, and names no causing event. Errors are problem+json: 400 for invalid
 * input, 404 for an unknown journey, 409 for a command out of order, 422 for a protocol rule.
 */
@RestController
@RequestMapping("/api/v1")
class IntakeController {

    private final IntakeWorkflow workflow;

    IntakeController(IntakeWorkflow workflow) {
        this.workflow = workflow;
    }

    /** 201 with a new journey; 200 with the existing journey when the referral id is already known. */
    @Idempotent
    @PostMapping("/referrals")
    public ResponseEntity<ReferralResponse> refer(@Valid @RequestBody ReferralRequest request) {
        ReferralOutcome outcome = workflow.refer(request.toReferral());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ReferralResponse(outcome.referralId(), outcome.journeyId(), outcome.status()));
    }

    @Idempotent
    @PostMapping("/journeys/{journeyId}/screening")
    public ResponseEntity<ScreeningResponse> screen(@PathVariable String journeyId,
                                                    @Valid @RequestBody ScreeningRequest request) {
        ScreeningOutcome outcome = workflow.screen(journeyId, request.toCommand());
        return created(new ScreeningResponse(outcome.screeningId(), outcome.eligible(), outcome.reasons()));
    }

    @Idempotent
    @PostMapping("/journeys/{journeyId}/consent")
    public ResponseEntity<ConsentResponse> consent(@PathVariable String journeyId,
                                                   @Valid @RequestBody ConsentRequest request) {
        workflow.consent(journeyId, request.toCommand());
        return created(new ConsentResponse(journeyId, JourneyStatus.CONSENTED));
    }

    @Idempotent
    @PostMapping("/journeys/{journeyId}/enrollment")
    public ResponseEntity<EnrollmentResponse> enroll(@PathVariable String journeyId,
                                                     @Valid @RequestBody EnrollmentRequest request) {
        EnrollmentOutcome outcome = workflow.enroll(journeyId, request.toCommand());
        return created(new EnrollmentResponse(outcome.journeyId(), Protocol.of(outcome.protocol())));
    }

    @Idempotent
    @PostMapping("/journeys/{journeyId}/withdrawal")
    public ResponseEntity<WithdrawalResponse> withdraw(@PathVariable String journeyId,
                                                       @Valid @RequestBody WithdrawalRequest request) {
        workflow.withdraw(journeyId, request.toCommand());
        return created(new WithdrawalResponse(journeyId, JourneyStatus.WITHDRAWN));
    }

    @GetMapping("/journeys/{journeyId}")
    public JourneyResponse journey(@PathVariable String journeyId) {
        return JourneyResponse.of(workflow.journey(journeyId));
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
