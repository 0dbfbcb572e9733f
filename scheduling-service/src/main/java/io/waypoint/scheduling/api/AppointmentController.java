package io.waypoint.scheduling.api;

import io.waypoint.platform.idempotency.Idempotent;
import io.waypoint.scheduling.app.AppointmentService;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Attendance of any session: check-in, no-show, and completion of preparatory and integration sessions. */
@RestController
@RequestMapping("/api/v1/appointments/{appointmentId}")
class AppointmentController {

    private final AppointmentService service;
    private final ClientTimes times;

    AppointmentController(AppointmentService service, ClientTimes times) {
        this.service = service;
        this.times = times;
    }

    @GetMapping
    public AppointmentView appointment(@PathVariable String appointmentId) {
        return AppointmentView.of(service.appointment(appointmentId));
    }

    /**
     * 422 {@code preparation-incomplete}, {@code integration-incomplete} or {@code dosing-window-violated} when a
     * dosing session may not start; 409 {@code journey-withdrawn} in a withdrawn journey.
     */
    @PostMapping("/check-in")
    @Idempotent
    public ResponseEntity<AppointmentView> checkIn(@PathVariable String appointmentId,
                                                   @Valid @RequestBody Requests.OccurredAt request) {
        return ResponseEntity.ok(AppointmentView.of(
                service.checkIn(times.command(appointmentId, request.occurredAt()))));
    }

    @PostMapping("/completion")
    @Idempotent
    public ResponseEntity<AppointmentView> complete(@PathVariable String appointmentId,
                                                    @Valid @RequestBody Requests.OccurredAt request) {
        return ResponseEntity.ok(AppointmentView.of(
                service.complete(times.command(appointmentId, request.occurredAt()))));
    }

    @PostMapping("/no-show")
    @Idempotent
    public ResponseEntity<AppointmentView> noShow(@PathVariable String appointmentId,
                                                  @Valid @RequestBody Requests.NoShow request) {
        return ResponseEntity.ok(AppointmentView.of(
                service.noShow(times.command(appointmentId, request.occurredAt()), request.reason())));
    }
}
