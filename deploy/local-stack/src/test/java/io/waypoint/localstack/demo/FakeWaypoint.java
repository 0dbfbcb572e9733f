package io.waypoint.localstack.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three services' REST contracts, just deep enough for the demo: books sessions as the scheduling service does
 * (preparatory and first dosing at enrollment, integration and next dosing at each dosing completion), learns of the
 * journey late on the follow-up side (a first 404) and completes the journey once the three outcomes are in.
 */
final class FakeWaypoint implements AutoCloseable {

    record Request(String method, String path, String idempotencyKey, JsonNode body) {
    }

    static final String JOURNEY = "journey-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern APPOINTMENT = Pattern.compile("/api/v1/appointments/([^/]+)/([a-z-]+)");

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> appointments = new ArrayList<>();
    private final HttpServer server;
    private int careTeamLookups;
    private int followupCommands;
    private int lastDosingCompleted;
    private int outcomes;

    FakeWaypoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    List<Request> posts(String pathSuffix) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().endsWith(pathSuffix)).toList();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
        String journeyPath = "/api/v1/journeys/" + JOURNEY;
        Matcher appointment = APPOINTMENT.matcher(path);
        switch (method + " " + path) {
            case "POST /api/v1/referrals" -> respond(exchange, 201, Map.of("journeyId", JOURNEY, "status", "REFERRED"));
            case String s when s.equals("POST " + journeyPath + "/screening") ->
                    respond(exchange, 201, Map.of("screeningId", "s-1", "eligible", true, "reasons", List.of()));
            case String s when s.equals("POST " + journeyPath + "/consent") -> respond(exchange, 201, Map.of());
            case String s when s.equals("POST " + journeyPath + "/enrollment") -> {
                Instant enrolled = Instant.parse(body.path("occurredAt").asString());
                for (int i = 1; i <= 3; i++) {
                    book("prep-" + i, "PREPARATORY", i, null, enrolled.plus(Duration.ofDays(7L * i)), Duration.ofMinutes(90));
                }
                book("dose-1", "DOSING", 1, 1, enrolled.plus(Duration.ofDays(28)), Duration.ofHours(8));
                respond(exchange, 201, Map.of("journeyId", JOURNEY,
                        "protocol", Map.of("profile", "mapp1", "version", "2024-1")));
            }
            case String s when s.equals("GET " + journeyPath + "/care-team") -> {
                if (++careTeamLookups < 2) {
                    respond(exchange, 404, Map.of("title", "Not Found"));
                } else {
                    respond(exchange, 200, Map.of("journeyId", JOURNEY, "leadTherapistId", "t-lead-1",
                            "coTherapistId", "t-co-1"));
                }
            }
            case String s when s.equals("GET " + journeyPath + "/appointments") -> respond(exchange, 200,
                    appointments.stream().sorted(Comparator.comparing(a -> (String) a.get("start"))).toList());
            case String s when s.equals("POST " + journeyPath + "/check-ins")
                    || s.equals("POST " + journeyPath + "/adverse-events") -> {
                // The follow-up service has not yet read the journey's first events.
                respond(exchange, ++followupCommands == 1 ? 404 : 201, Map.of());
            }
            case String s when s.equals("POST " + journeyPath + "/outcome-assessments") -> {
                outcomes++;
                respond(exchange, 201, Map.of());
            }
            case String s when s.equals("GET " + journeyPath) -> respond(exchange, 200, Map.of("journeyId", JOURNEY,
                    "stage", stage(), "completed", outcomes >= 3));
            default -> {
                if (method.equals("POST") && appointment.matches()) {
                    onAppointmentCommand(exchange, appointment.group(1), appointment.group(2), body);
                } else {
                    respond(exchange, 404, Map.of("detail", "no such endpoint " + method + " " + path));
                }
            }
        }
    }

    private void onAppointmentCommand(HttpExchange exchange, String id, String command, JsonNode body)
            throws IOException {
        Map<String, Object> appointment = appointments.stream().filter(a -> a.get("appointmentId").equals(id))
                .findFirst().orElseThrow();
        switch (command) {
            case "check-in" -> appointment.put("status", "CHECKED_IN");
            case "completion" -> appointment.put("status", "COMPLETED");
            case "pre-dose-check" -> {
                respond(exchange, 201, Map.of("passed", true, "failedItems", List.of()));
                return;
            }
            case "vitals" -> {
                respond(exchange, 201, Map.of("outOfRange", List.of()));
                return;
            }
            case "dosing-completion" -> {
                appointment.put("status", "COMPLETED");
                int number = (Integer) appointment.get("dosingNumber");
                lastDosingCompleted = number;
                Instant start = Instant.parse((String) appointment.get("start"));
                int[] days = {1, 7, 14};
                for (int i = 0; i < days.length; i++) {
                    book("integration-" + number + "-" + (i + 1), "INTEGRATION", i + 1, number,
                            start.plus(Duration.ofDays(days[i])), Duration.ofMinutes(90));
                }
                if (number < 3) {
                    book("dose-" + (number + 1), "DOSING", number + 1, number + 1, start.plus(Duration.ofDays(28)),
                            Duration.ofHours(8));
                }
            }
            default -> { }
        }
        respond(exchange, 201, Map.of());
    }

    /** Like followup-service: INTEGRATION_n after dosing session n ends, then OUTCOME, then COMPLETED. */
    private String stage() {
        if (outcomes >= 3) {
            return "COMPLETED";
        }
        return lastDosingCompleted < 3 ? "INTEGRATION_" + lastDosingCompleted : "OUTCOME";
    }

    private void book(String id, String kind, int sequence, Integer dosingNumber, Instant start, Duration length) {
        Map<String, Object> appointment = new LinkedHashMap<>();
        appointment.put("appointmentId", id);
        appointment.put("journeyId", JOURNEY);
        appointment.put("kind", kind);
        appointment.put("sequence", sequence);
        appointment.put("dosingNumber", dosingNumber);
        appointment.put("start", start.toString());
        appointment.put("end", start.plus(length).toString());
        appointment.put("roomId", kind.equals("DOSING") ? "room-dosing-1" : "room-therapy-1");
        appointment.put("therapistIds", List.of("t-lead-1", "t-co-1"));
        appointment.put("status", "SCHEDULED");
        appointments.add(appointment);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
