package io.waypoint.localstack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stands in for a service jar in tests: reads the same environment, answers {@code /actuator/health} with UP and
 * {@code /env} with the variables it was given. With {@code FAKE_EXIT} set it fails at start-up instead.
 */
public final class FakeService {

    static final List<String> VARIABLES = List.of("PORT", "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD",
            "KAFKA_BROKERS");

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        if (System.getenv("FAKE_EXIT") != null) {
            System.out.println("start-up failed on purpose");
            System.exit(Integer.parseInt(System.getenv("FAKE_EXIT")));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 0);
        server.createContext("/actuator/health", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> respond(exchange, VARIABLES.stream()
                .map(name -> "\"" + name + "\":\"" + System.getenv(name) + "\"")
                .collect(Collectors.joining(",", "{", "}"))));
        server.start();
        System.out.println("fake service listening on " + System.getenv("PORT"));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
