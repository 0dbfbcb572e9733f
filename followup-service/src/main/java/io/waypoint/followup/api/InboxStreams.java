package io.waypoint.followup.api;

import io.waypoint.followup.api.Views.InboxNotification;
import io.waypoint.followup.app.NotificationIssued;
import io.waypoint.followup.notification.Notification;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open inbox streams (server-sent events) per therapist: web plumbing. The application announces each notification
 * it issues ({@link NotificationIssued}); it is pushed after the transaction that issued it commits, so a stream
 * never shows a notification that was rolled back.
 */
@Component
class InboxStreams implements SmartLifecycle {

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final Duration timeout;
    private volatile boolean running;

    InboxStreams(@Value("${waypoint.followup.inbox.stream-timeout}") Duration timeout) {
        this.timeout = timeout;
    }

    public SseEmitter open(String therapistId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        streams.computeIfAbsent(therapistId, id -> ConcurrentHashMap.newKeySet()).add(emitter);
        emitter.onCompletion(() -> remove(therapistId, emitter));
        emitter.onTimeout(() -> remove(therapistId, emitter));
        emitter.onError(error -> remove(therapistId, emitter));
        try {
            // opens the response at once, so the client knows it is subscribed
            emitter.send(SseEmitter.event().comment("inbox stream open"));
        } catch (IOException e) {
            remove(therapistId, emitter);
            emitter.completeWithError(e);
        }
        return emitter;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void on(NotificationIssued issued) {
        Notification notification = issued.notification();
        for (SseEmitter emitter : List.copyOf(streams.getOrDefault(notification.therapistId(), Set.of()))) {
            try {
                emitter.send(SseEmitter.event().id(notification.notificationId()).name("notification")
                        .data(InboxNotification.of(notification), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                remove(notification.therapistId(), emitter);
            }
        }
    }

    private void remove(String therapistId, SseEmitter emitter) {
        streams.computeIfPresent(therapistId, (id, emitters) -> {
            emitters.remove(emitter);
            return emitters.isEmpty() ? null : emitters;
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /** Closes open streams before the web server shuts down, so it need not wait for them. */
    @Override
    public void stop() {
        running = false;
        streams.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
