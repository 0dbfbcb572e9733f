package io.waypoint.scheduling.api;

import io.waypoint.platform.idempotency.IdempotentCommands;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.scheduling.service.AppointmentService;
import io.waypoint.scheduling.service.Cause;
import io.waypoint.scheduling.store.AppointmentStore;
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

/** Attendance of any session: check-in, no-show, and completion of preparatory and integration sessions. */
@RestController
@RequestMapping("/api/v1/appointments/{appointmentId}")
public class AppointmentController {

    private final AppointmentService service;
    private final AppointmentStore appointments;
    private final IdempotentCommands idempotency;
    private final ClientTimes times;

    public AppointmentController(AppointmentService service, AppointmentStore appointments,
                                 IdempotentCommands idempotency, ClientTimes times) {
        this.service = service;
        this.appointments = appointments;
        this.idempotency = idempotency;
        this.times = times;
    }

    @GetMapping
    public AppointmentView appointment(@PathVariable String appointmentId) {
        return appointments.find(appointmentId).map(AppointmentView::of)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
    }

    /**
     * 422 {@code preparation-incomplete}, {@code integration-incomplete} or {@code dosing-window-violated} when a
     * dosing session may not start; 409 {@code journey-withdrawn} in a withdrawn journey.
     */
    @PostMapping("/check-in")
    public ResponseEntity<AppointmentView> checkIn(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.OccurredAt request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        Cause cause = times.command(request.occurredAt());
        return idempotency.run(key, "check-in:" + appointmentId, request, HttpStatus.OK, AppointmentView.class,
                () -> AppointmentView.of(service.checkIn(appointmentId, cause)));
    }

    @PostMapping("/completion")
    public ResponseEntity<AppointmentView> complete(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.OccurredAt request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        Cause cause = times.command(request.occurredAt());
        return idempotency.run(key, "completion:" + appointmentId, request, HttpStatus.OK, AppointmentView.class,
                () -> AppointmentView.of(service.complete(appointmentId, cause)));
    }

    @PostMapping("/no-show")
    public ResponseEntity<AppointmentView> noShow(
            @PathVariable String appointmentId, @Valid @RequestBody Requests.NoShow request,
            @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        Cause cause = times.command(request.occurredAt());
        return idempotency.run(key, "no-show:" + appointmentId, request, HttpStatus.OK, AppointmentView.class,
                () -> AppointmentView.of(service.noShow(appointmentId, request.reason(), cause)));
    }
}
