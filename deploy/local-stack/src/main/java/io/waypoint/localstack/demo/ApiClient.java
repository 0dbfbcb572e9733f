package io.waypoint.localstack.demo;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JSON over HTTP to one service. Every command carries a fresh {@code Idempotency-Key}. */
public final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String service;
    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;

    public ApiClient(String service, URI baseUri, HttpClient http, Duration requestTimeout) {
        this.service = service;
        this.baseUri = baseUri;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    public String service() {
        return service;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** GET, expecting 200. */
    public JsonNode get(String path) {
        HttpResponse<String> response = send("GET", path, null, null);
        if (response.statusCode() != 200) {
            throw new ApiException(service, "GET", path, response.statusCode(), response.body());
        }
        return parse(response.body());
    }

    /** GET, where 404 means "not there (yet)". */
    public Optional<JsonNode> find(String path) {
        HttpResponse<String> response = send("GET", path, null, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new ApiException(service, "GET", path, response.statusCode(), response.body());
        }
        return Optional.of(parse(response.body()));
    }

    public <T> T get(String path, Class<T> type) {
        return JSON.treeToValue(get(path), type);
    }

    public <T> List<T> getList(String path, Class<T> elementType) {
        JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, elementType);
        return JSON.treeToValue(get(path), listType);
    }

    /** POST a command, expecting 200, 201 or 202; a new idempotency key. */
    public JsonNode post(String path, Object body) {
        return post(path, body, UUID.randomUUID().toString());
    }

    /** POST a command with the given idempotency key (a retry with the same key has one effect). */
    public JsonNode post(String path, Object body, String idempotencyKey) {
        HttpResponse<String> response = send("POST", path, JSON.writeValueAsString(body), idempotencyKey);
        int status = response.statusCode();
        if (status != 200 && status != 201 && status != 202 && status != 204) {
            throw new ApiException(service, "POST", path, status, response.body());
        }
        return parse(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(service + " " + method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + service + " " + method + " " + path, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        return JSON.readTree(body);
    }
}
