package io.waypoint.followup.api;

import io.waypoint.followup.api.Views.InboxNotification;
import io.waypoint.followup.store.InboxStore;
import io.waypoint.platform.problem.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A therapist's inbox: list, acknowledge (idempotent), live stream. */
@RestController
@RequestMapping("/api/v1/therapists/{therapistId}/inbox")
public class InboxController {

    private final InboxStore inbox;
    private final InboxStreams streams;
    private final Clock clock;

    public InboxController(InboxStore inbox, InboxStreams streams, Clock clock) {
        this.inbox = inbox;
        this.streams = streams;
        this.clock = clock;
    }

    /** Newest first. */
    @GetMapping
    public List<InboxNotification> list(@PathVariable String therapistId,
                                        @RequestParam(defaultValue = "false") boolean unacknowledgedOnly) {
        return inbox.of(therapistId, unacknowledgedOnly).stream().map(InboxNotification::of).toList();
    }

    /** Acknowledging again changes nothing and returns the first acknowledgement. */
    @PostMapping("/{notificationId}/acknowledgement")
    public InboxNotification acknowledge(@PathVariable String therapistId, @PathVariable String notificationId) {
        return inbox.acknowledge(therapistId, notificationId, clock.instant()).map(InboxNotification::of)
                .orElseThrow(() -> new NotFoundException("notification", notificationId));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@PathVariable String therapistId) {
        return streams.open(therapistId);
    }
}
