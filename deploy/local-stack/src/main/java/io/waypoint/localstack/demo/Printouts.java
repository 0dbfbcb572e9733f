package io.waypoint.localstack.demo;

import io.waypoint.localstack.demo.Api.Appointment;
import io.waypoint.localstack.demo.Api.Notification;
import io.waypoint.localstack.demo.Api.TimelineEntry;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Human-readable views of a journey: its appointments, its event timeline and a therapist's inbox. */
public final class Printouts {

    private final ApiClient followup;
    private final Consumer<String> out;

    public Printouts(URI followupBaseUri, Consumer<String> out) {
        this.followup = new ApiClient("followup-service", followupBaseUri,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(30));
        this.out = out;
    }

    public List<TimelineEntry> timeline(String journeyId) {
        return followup.getList("/api/v1/journeys/" + journeyId + "/timeline", TimelineEntry.class);
    }

    public List<Notification> inbox(String therapistId) {
        return followup.getList("/api/v1/therapists/" + therapistId + "/inbox?unacknowledgedOnly=false",
                Notification.class);
    }

    public void printAppointments(List<Appointment> appointments) {
        out.accept("Appointments (" + appointments.size() + "):");
        for (Appointment a : appointments) {
            out.accept(String.format("  %-16s  %-24s  %-10s  room %-10s  %s", time(a.start()), DemoJourney.describe(a)
                            .replaceFirst(" \\(.*\\)$", ""), a.status(), nullToDash(a.roomId()),
                    a.therapistIds() == null ? "" : String.join(", ", a.therapistIds())));
        }
    }

    public void printTimeline(String journeyId) {
        List<TimelineEntry> entries = timeline(journeyId);
        out.accept("Timeline of journey " + journeyId + " (" + entries.size() + " events, by occurredAt):");
        for (TimelineEntry e : entries) {
            out.accept(String.format("  %-16s  %-22s  %-28s  %s", time(e.occurredAt()), shortTopic(e.topic()),
                    e.type(), nullToDash(e.summary())));
        }
    }

    public void printInbox(String therapistId) {
        List<Notification> notifications = inbox(therapistId);
        out.accept("Inbox of therapist " + therapistId + " (" + notifications.size() + " notifications):");
        for (Notification n : notifications) {
            out.accept(String.format("  %-16s  %-8s  %-28s  %s%s%s", time(n.issuedAt()), nullToDash(n.priority()),
                    nullToDash(n.kind()), nullToDash(n.title()),
                    n.dueAt() == null ? "" : "  (due " + time(n.dueAt()) + ")",
                    n.acknowledgedAt() == null ? "" : "  [acknowledged]"));
        }
    }

    static String shortTopic(String topic) {
        if (topic == null) {
            return "-";
        }
        return topic.startsWith("waypoint.") ? topic.substring("waypoint.".length()) : topic;
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : DemoJourney.time(instant);
    }

    private static String nullToDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
