package io.waypoint.followup.api;

import io.waypoint.followup.api.Requests.AdverseEventRequest;
import io.waypoint.followup.api.Requests.CheckInRequest;
import io.waypoint.followup.api.Requests.OutcomeAssessmentRequest;
import io.waypoint.followup.api.Requests.SafetyHoldReleaseRequest;
import io.waypoint.followup.app.CareCommands;
import io.waypoint.followup.app.CareCommands.AssessmentRecorded;
import io.waypoint.followup.app.CareCommands.HoldReleased;
import io.waypoint.followup.app.CareCommands.Recorded;
import io.waypoint.platform.idempotency.Idempotent;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Post-dose care records: check-ins, adverse events, outcome assessments, safety-hold release. Every command is
 * {@link Idempotent} under an optional {@code Idempotency-Key} header, and names no causing event.
 */
@RestController
@RequestMapping("/api/v1/journeys/{journeyId}")
class CareController {

    private final CareCommands commands;

    CareController(CareCommands commands) {
        this.commands = commands;
    }

    record CheckInResponse(String checkInId, List<String> safetyReasons, boolean safetyHoldPlaced) {
    }

    record AdverseEventResponse(String adverseEventId, List<String> safetyReasons, boolean safetyHoldPlaced) {
    }

    record OutcomeAssessmentResponse(String assessmentId, boolean raterIndependent) {
    }

    record SafetyHoldReleaseResponse(String holdId, String reason, Instant placedAt, String releasedBy,
                                     Instant releasedAt, String stage) {
    }

    @Idempotent
    @PostMapping("/check-ins")
    public ResponseEntity<CheckInResponse> checkIn(@PathVariable String journeyId,
                                                   @Valid @RequestBody CheckInRequest request) {
        Recorded recorded = commands.recordCheckIn(journeyId, new CareCommands.CheckIn(request.dosingNumber(),
                request.dayNumber(), request.phq9Item9(), request.cssrsPositive(), request.concernRaised(),
                request.occurredAt()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CheckInResponse(recorded.id(), recorded.safetyReasons(), recorded.safetyHoldPlaced()));
    }

    @Idempotent
    @PostMapping("/adverse-events")
    public ResponseEntity<AdverseEventResponse> adverseEvent(@PathVariable String journeyId,
                                                             @Valid @RequestBody AdverseEventRequest request) {
        Recorded recorded = commands.reportAdverseEvent(journeyId, new CareCommands.AdverseEvent(
                request.term().strip(), request.severity().name(), request.serious(), request.favourable(),
                request.onsetAt(), request.dosingNumber(), request.occurredAt()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new AdverseEventResponse(recorded.id(),
                recorded.safetyReasons(), recorded.safetyHoldPlaced()));
    }

    @Idempotent
    @PostMapping("/outcome-assessments")
    public ResponseEntity<OutcomeAssessmentResponse> outcomeAssessment(
            @PathVariable String journeyId, @Valid @RequestBody OutcomeAssessmentRequest request) {
        AssessmentRecorded recorded = commands.recordAssessment(journeyId, new CareCommands.Assessment(
                request.instrument().name(), request.timepoint(), request.score(), request.raterId(),
                request.occurredAt()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new OutcomeAssessmentResponse(recorded.assessmentId(), recorded.raterIndependent()));
    }

    @Idempotent
    @PostMapping("/safety-hold/release")
    public ResponseEntity<SafetyHoldReleaseResponse> releaseSafetyHold(
            @PathVariable String journeyId, @Valid @RequestBody SafetyHoldReleaseRequest request) {
        HoldReleased released = commands.releaseSafetyHold(journeyId, request.releasedBy(), request.occurredAt());
        return ResponseEntity.ok(new SafetyHoldReleaseResponse(released.holdId(), released.reason(),
                released.placedAt(), released.releasedBy(), released.releasedAt(), released.stage()));
    }
}
