package io.waypoint.followup.api;

import io.waypoint.followup.api.Requests.AdverseEventRequest;
import io.waypoint.followup.api.Requests.CheckInRequest;
import io.waypoint.followup.api.Requests.OutcomeAssessmentRequest;
import io.waypoint.followup.api.Requests.SafetyHoldReleaseRequest;
import io.waypoint.followup.care.CareCommands;
import io.waypoint.followup.care.CareCommands.AssessmentRecorded;
import io.waypoint.followup.care.CareCommands.HoldReleased;
import io.waypoint.followup.care.CareCommands.Recorded;
import io.waypoint.platform.idempotency.IdempotentCommands;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Post-dose care records: check-ins, adverse events, outcome assessments, safety-hold release. */
@RestController
@RequestMapping("/api/v1/journeys/{journeyId}")
public class CareController {

    private final CareCommands commands;
    private final IdempotentCommands idempotent;

    public CareController(CareCommands commands, IdempotentCommands idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    public record CheckInResponse(String checkInId, List<String> safetyReasons, boolean safetyHoldPlaced) {
    }

    public record AdverseEventResponse(String adverseEventId, List<String> safetyReasons, boolean safetyHoldPlaced) {
    }

    public record OutcomeAssessmentResponse(String assessmentId, boolean raterIndependent) {
    }

    public record SafetyHoldReleaseResponse(String holdId, String reason, Instant placedAt, String releasedBy,
                                            Instant releasedAt, String stage) {
    }

    @PostMapping("/check-ins")
    public ResponseEntity<CheckInResponse> checkIn(
            @PathVariable String journeyId,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            @Valid @RequestBody CheckInRequest request) {
        return idempotent.run(key, "check-in " + journeyId, request, HttpStatus.CREATED, CheckInResponse.class,
                () -> {
                    Recorded recorded = commands.recordCheckIn(journeyId, new CareCommands.CheckIn(
                            request.dosingNumber(), request.dayNumber(), request.phq9Item9(),
                            request.cssrsPositive(), request.concernRaised(), request.occurredAt()));
                    return new CheckInResponse(recorded.id(), recorded.safetyReasons(), recorded.safetyHoldPlaced());
                });
    }

    @PostMapping("/adverse-events")
    public ResponseEntity<AdverseEventResponse> adverseEvent(
            @PathVariable String journeyId,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            @Valid @RequestBody AdverseEventRequest request) {
        return idempotent.run(key, "adverse-event " + journeyId, request, HttpStatus.CREATED,
                AdverseEventResponse.class, () -> {
                    Recorded recorded = commands.reportAdverseEvent(journeyId, new CareCommands.AdverseEvent(
                            request.term().strip(), request.severity().name(), request.serious(),
                            request.favourable(), request.onsetAt(), request.dosingNumber(), request.occurredAt()));
                    return new AdverseEventResponse(recorded.id(), recorded.safetyReasons(),
                            recorded.safetyHoldPlaced());
                });
    }

    @PostMapping("/outcome-assessments")
    public ResponseEntity<OutcomeAssessmentResponse> outcomeAssessment(
            @PathVariable String journeyId,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            @Valid @RequestBody OutcomeAssessmentRequest request) {
        return idempotent.run(key, "outcome-assessment " + journeyId, request, HttpStatus.CREATED,
                OutcomeAssessmentResponse.class, () -> {
                    AssessmentRecorded recorded = commands.recordAssessment(journeyId, new CareCommands.Assessment(
                            request.instrument().name(), request.timepoint(), request.score(), request.raterId(),
                            request.occurredAt()));
                    return new OutcomeAssessmentResponse(recorded.assessmentId(), recorded.raterIndependent());
                });
    }

    @PostMapping("/safety-hold/release")
    public ResponseEntity<SafetyHoldReleaseResponse> releaseSafetyHold(
            @PathVariable String journeyId,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
            @Valid @RequestBody SafetyHoldReleaseRequest request) {
        return idempotent.run(key, "safety-hold-release " + journeyId, request, HttpStatus.OK,
                SafetyHoldReleaseResponse.class, () -> {
                    HoldReleased released = commands.releaseSafetyHold(journeyId, request.releasedBy(),
                            request.occurredAt());
                    return new SafetyHoldReleaseResponse(released.holdId(), released.reason(), released.placedAt(),
                            released.releasedBy(), released.releasedAt(), released.stage());
                });
    }
}
