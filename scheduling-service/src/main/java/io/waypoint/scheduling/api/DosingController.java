package io.waypoint.scheduling.api;

import io.waypoint.platform.idempotency.IdempotentCommands;
import io.waypoint.scheduling.dosing.PreDoseAnswers;
import io.waypoint.scheduling.dosing.PreDoseResult;
import io.waypoint.scheduling.dosing.VitalSigns;
import io.waypoint.scheduling.service.Cause;
import io.waypoint.scheduling.service.DosingService;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record of a checked-in dosing session. Protocol rules answer 422 with a stable problem type
 * ({@code pre-dose-check-not-passed}, {@code initial-dose-not-allowed}, {@code supplemental-dose-limit},
 * {@code supplemental-dose-amount}, {@code supplemental-dose-timing}, {@code supplemental-dose-vitals-required},
 * {@code supplemental-dose-vitals-out-of-range}, {@code session-maximum-exceeded}, {@code monitoring-too-short},
 * {@code overnight-stay-required}, {@code dosing-sequence-violated}, {@code safety-hold-active}); a withdrawn
 * journey answers 409 {@code journey-withdrawn}.
 */
@RestController
@RequestMapping("/api/v1/appointments/{appointmentId}")
public class DosingController {

    private final DosingService service;
    private final IdempotentCommands idempotency;
    private final ClientTimes times;

    public DosingController(DosingService service, IdempotentCommands idempotency, ClientTimes times) {
        this.service = service;
        this.idempotency = idempotency;
        this.times = times;
    }

    @PostMapping("/pre-dose-check")
    public ResponseEntity<Responses.PreDoseCheckResult> preDoseCheck(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.PreDoseCheck request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        Requests.Vitals v = request.vitals();
        PreDoseAnswers answers = new PreDoseAnswers(request.pregnancyTestNegative(), request.fastingConfirmed(),
                request.contraindicatedMedicationAbsent(), request.cssrsNegative(),
                new VitalSigns(v.systolicMmHg(), v.diastolicMmHg(), v.heartRateBpm(), v.temperatureCelsius()));
        Cause cause = times.command(request.occurredAt());
        return idempotency.run(key, "pre-dose-check:" + appointmentId, request, HttpStatus.CREATED,
                Responses.PreDoseCheckResult.class, () -> {
                    PreDoseResult result = service.preDoseCheck(appointmentId, answers, cause);
                    return new Responses.PreDoseCheckResult(appointmentId, result.passed(), result.failedItems());
                });
    }

    @PostMapping("/doses")
    public ResponseEntity<Responses.DoseResult> dose(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.DoseGiven request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        Cause cause = times.command(request.occurredAt());
        return idempotency.run(key, "doses:" + appointmentId, request, HttpStatus.CREATED,
                Responses.DoseResult.class, () -> {
                    DosingService.DoseRecorded recorded = service.administer(appointmentId, request.doseKind(),
                            request.amountMg(), request.lotNumber(), request.dispensedBy(), request.witnessedBy(),
                            cause);
                    return new Responses.DoseResult(appointmentId, recorded.appointment().dosingNumber(),
                            recorded.dose().kind(), recorded.dose().amountMg(), recorded.totalMg(),
                            recorded.dose().administeredAt(), recorded.minutesSinceInitialDose());
                });
    }

    @PostMapping("/vitals")
    public ResponseEntity<Responses.VitalsResult> vitals(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.VitalsRecord request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        VitalSigns vitals = new VitalSigns(request.systolicMmHg(), request.diastolicMmHg(), request.heartRateBpm(),
                request.temperatureCelsius());
        Cause cause = times.command(request.occurredAt());
        return idempotency.run(key, "vitals:" + appointmentId, request, HttpStatus.CREATED,
                Responses.VitalsResult.class, () -> {
                    DosingService.VitalsRecorded recorded = service.recordVitals(appointmentId, vitals, cause);
                    return new Responses.VitalsResult(appointmentId, recorded.outOfRange(),
                            recorded.minutesSinceInitialDose());
                });
    }

    /**
     * Discharge at {@code occurredAt}; books the integration sessions and the next dosing session. A session that
     * finds no free slot is listed in {@code bookingsPending}; the completion stands.
     */
    @PostMapping("/dosing-completion")
    public ResponseEntity<Responses.DosingCompletionResult> complete(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.DosingCompletion request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        Cause cause = times.command(request.occurredAt());
        return idempotency.run(key, "dosing-completion:" + appointmentId, request, HttpStatus.CREATED,
                Responses.DosingCompletionResult.class, () -> {
                    DosingService.DosingCompleted completed = service.complete(appointmentId,
                            request.overnightStay(), cause);
                    return new Responses.DosingCompletionResult(appointmentId,
                            completed.appointment().dosingNumber(), completed.totalMg(), completed.dischargedAt(),
                            completed.overnightStay(), completed.booked().stream().map(AppointmentView::of).toList(),
                            completed.pending().stream().map(Responses.PendingBookingView::of).toList());
                });
    }

    @PostMapping("/dosing-abort")
    public ResponseEntity<AppointmentView> abort(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.DosingAbort request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        Cause cause = times.command(request.occurredAt());
        return idempotency.run(key, "dosing-abort:" + appointmentId, request, HttpStatus.CREATED,
                AppointmentView.class, () -> AppointmentView.of(service.abort(appointmentId, request.reason(), cause)));
    }
}
