package io.waypoint.scheduling.api;

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
 * {@code supplemental-dose-amount}, {@code supplemental-dose-timing}, {@code session-maximum-exceeded},
 * {@code monitoring-too-short}, {@code safety-hold-active}, {@code no-free-slot}).
 */
@RestController
@RequestMapping("/api/v1/appointments/{appointmentId}")
public class DosingController {

    private final DosingService service;
    private final Idempotency idempotency;

    public DosingController(DosingService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @PostMapping("/pre-dose-check")
    public ResponseEntity<Responses.PreDoseCheckResult> preDoseCheck(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.PreDoseCheck request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Requests.Vitals v = request.vitals();
        PreDoseAnswers answers = new PreDoseAnswers(request.pregnancyTestNegative(), request.fastingConfirmed(),
                request.contraindicatedMedicationAbsent(), request.cssrsNegative(),
                new VitalSigns(v.systolicMmHg(), v.diastolicMmHg(), v.heartRateBpm(), v.temperatureCelsius()));
        return idempotency.run(key, "pre-dose-check:" + appointmentId, HttpStatus.CREATED,
                Responses.PreDoseCheckResult.class, () -> {
                    PreDoseResult result = service.preDoseCheck(appointmentId, answers,
                            Cause.command(request.occurredAt()));
                    return new Responses.PreDoseCheckResult(appointmentId, result.passed(), result.failedItems());
                });
    }

    @PostMapping("/doses")
    public ResponseEntity<Responses.DoseResult> dose(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.DoseGiven request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "doses:" + appointmentId, HttpStatus.CREATED, Responses.DoseResult.class, () -> {
            DosingService.DoseRecorded recorded = service.administer(appointmentId, request.doseKind(),
                    request.amountMg(), request.lotNumber(), request.dispensedBy(), request.witnessedBy(),
                    Cause.command(request.occurredAt()));
            return new Responses.DoseResult(appointmentId, recorded.appointment().dosingNumber(),
                    recorded.dose().kind(), recorded.dose().amountMg(), recorded.totalMg(),
                    recorded.dose().administeredAt(), recorded.minutesSinceInitialDose());
        });
    }

    @PostMapping("/vitals")
    public ResponseEntity<Responses.VitalsResult> vitals(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.VitalsRecord request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        VitalSigns vitals = new VitalSigns(request.systolicMmHg(), request.diastolicMmHg(), request.heartRateBpm(),
                request.temperatureCelsius());
        return idempotency.run(key, "vitals:" + appointmentId, HttpStatus.CREATED, Responses.VitalsResult.class,
                () -> {
                    DosingService.VitalsRecorded recorded = service.recordVitals(appointmentId, vitals,
                            Cause.command(request.occurredAt()));
                    return new Responses.VitalsResult(appointmentId, recorded.outOfRange(),
                            recorded.minutesSinceInitialDose());
                });
    }

    /** Discharge at {@code occurredAt}; books the integration sessions and the next dosing session. */
    @PostMapping("/dosing-completion")
    public ResponseEntity<Responses.DosingCompletionResult> complete(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.DosingCompletion request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "dosing-completion:" + appointmentId, HttpStatus.CREATED,
                Responses.DosingCompletionResult.class, () -> {
                    DosingService.DosingCompleted completed = service.complete(appointmentId,
                            request.overnightStay(), Cause.command(request.occurredAt()));
                    return new Responses.DosingCompletionResult(appointmentId,
                            completed.appointment().dosingNumber(), completed.totalMg(), completed.dischargedAt(),
                            completed.overnightStay(), completed.booked().stream().map(AppointmentView::of).toList());
                });
    }

    @PostMapping("/dosing-abort")
    public ResponseEntity<AppointmentView> abort(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.DosingAbort request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "dosing-abort:" + appointmentId, HttpStatus.CREATED, AppointmentView.class,
                () -> AppointmentView.of(service.abort(appointmentId, request.reason(),
                        Cause.command(request.occurredAt()))));
    }
}
