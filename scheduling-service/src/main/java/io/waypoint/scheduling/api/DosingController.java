package io.waypoint.scheduling.api;

import io.waypoint.platform.idempotency.Idempotent;
import io.waypoint.scheduling.app.DosingService;
import io.waypoint.scheduling.dosing.PreDoseAnswers;
import io.waypoint.scheduling.dosing.PreDoseResult;
import io.waypoint.scheduling.dosing.VitalSigns;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
class DosingController {

    private final DosingService service;
    private final ClientTimes times;

    DosingController(DosingService service, ClientTimes times) {
        this.service = service;
        this.times = times;
    }

    @PostMapping("/pre-dose-check")
    @Idempotent
    public ResponseEntity<Responses.PreDoseCheckResult> preDoseCheck(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.PreDoseCheck request) {
        Requests.Vitals v = request.vitals();
        PreDoseAnswers answers = new PreDoseAnswers(request.pregnancyTestNegative(), request.fastingConfirmed(),
                request.contraindicatedMedicationAbsent(), request.cssrsNegative(),
                new VitalSigns(v.systolicMmHg(), v.diastolicMmHg(), v.heartRateBpm(), v.temperatureCelsius()));
        PreDoseResult result = service.preDoseCheck(times.command(appointmentId, request.occurredAt()), answers);
        return created(new Responses.PreDoseCheckResult(appointmentId, result.passed(), result.failedItems()));
    }

    @PostMapping("/doses")
    @Idempotent
    public ResponseEntity<Responses.DoseResult> dose(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.DoseGiven request) {
        DosingService.DoseRecorded recorded = service.administer(times.command(appointmentId, request.occurredAt()),
                request.doseKind(), request.amountMg(), request.lotNumber(), request.dispensedBy(),
                request.witnessedBy());
        return created(new Responses.DoseResult(appointmentId, recorded.appointment().dosingNumber(),
                recorded.dose().kind(), recorded.dose().amountMg(), recorded.totalMg(),
                recorded.dose().administeredAt(), recorded.minutesSinceInitialDose()));
    }

    @PostMapping("/vitals")
    @Idempotent
    public ResponseEntity<Responses.VitalsResult> vitals(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.VitalsRecord request) {
        VitalSigns vitals = new VitalSigns(request.systolicMmHg(), request.diastolicMmHg(), request.heartRateBpm(),
                request.temperatureCelsius());
        DosingService.VitalsRecorded recorded = service.recordVitals(
                times.command(appointmentId, request.occurredAt()), vitals);
        return created(new Responses.VitalsResult(appointmentId, recorded.outOfRange(),
                recorded.minutesSinceInitialDose()));
    }

    /**
     * Discharge at {@code occurredAt}; books the integration sessions and the next dosing session. A session that
     * finds no free slot is listed in {@code bookingsPending}; the completion stands.
     */
    @PostMapping("/dosing-completion")
    @Idempotent
    public ResponseEntity<Responses.DosingCompletionResult> complete(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.DosingCompletion request) {
        DosingService.DosingCompleted completed = service.complete(
                times.command(appointmentId, request.occurredAt()), request.overnightStay());
        return created(new Responses.DosingCompletionResult(appointmentId, completed.appointment().dosingNumber(),
                completed.totalMg(), completed.dischargedAt(), completed.overnightStay(),
                completed.booked().stream().map(AppointmentView::of).toList(),
                completed.pending().stream().map(Responses.PendingBookingView::of).toList()));
    }

    @PostMapping("/dosing-abort")
    @Idempotent
    public ResponseEntity<AppointmentView> abort(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.DosingAbort request) {
        return created(AppointmentView.of(
                service.abort(times.command(appointmentId, request.occurredAt()), request.reason())));
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
