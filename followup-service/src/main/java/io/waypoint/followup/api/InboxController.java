package io.waypoint.followup.api;

import io.waypoint.followup.api.Views.InboxNotification;
import io.waypoint.followup.app.Inboxes;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A therapist's inbox: list, acknowledge (idempotent by nature), live stream. */
@RestController
@RequestMapping("/api/v1/therapists/{therapistId}/inbox")
class InboxController {

    private final Inboxes inboxes;
    private final InboxStreams streams;

    InboxController(Inboxes inboxes, InboxStreams streams) {
        this.inboxes = inboxes;
        this.streams = streams;
    }

    /** Newest first. */
    @GetMapping
    public List<InboxNotification> list(@PathVariable String therapistId,
                                        @RequestParam(defaultValue = "false") boolean unacknowledgedOnly) {
        return inboxes.of(therapistId, unacknowledgedOnly).stream().map(InboxNotification::of).toList();
    }

    /** Acknowledging again changes nothing and returns the first acknowledgement. */
    @PostMapping("/{notificationId}/acknowledgement")
    public InboxNotification acknowledge(@PathVariable String therapistId, @PathVariable String notificationId) {
        return InboxNotification.of(inboxes.acknowledge(therapistId, notificationId));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@PathVariable String therapistId) {
        return streams.open(therapistId);
    }
}
