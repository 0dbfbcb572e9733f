package io.waypoint.intake.api;

import io.waypoint.platform.problem.InvalidRequestException;
import io.waypoint.intake.store.IdempotencyStore;
import io.waypoint.platform.problem.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header: the first request with a key runs, and its response is stored in the same
 * transaction as its effects; the same key again returns that response with no second effect. A request that
 * fails stores nothing, so it may be retried with its key. Reusing a key for a different request is refused (422);
 * a key longer than {@value #MAX_KEY_LENGTH} characters is an invalid request (400 naming the header).
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyStore store;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotentRequests(IdempotencyStore store, PlatformTransactionManager transactionManager, JsonMapper json,
                              Clock clock) {
        this.store = store;
        this.tx = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code command} once per key. Without a key it simply runs.
     *
     * @param request the request body, to tell a replay from a different request under the same key
     */
    public ResponseEntity<?> run(String key, String method, String path, Object request,
                                 Supplier<ResponseEntity<?>> command) {
        if (key == null || key.isBlank()) {
            return command.get();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequestException(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(method + " " + path + " " + json.writeValueAsString(request));
        return tx.execute(status -> {
            if (!store.claim(key, method, path, hash, clock.instant())) {
                return replay(key, hash);
            }
            ResponseEntity<?> response = command.get();
            store.storeResponse(key, response.getStatusCode().value(),
                    response.getBody() == null ? null : json.writeValueAsString(response.getBody()));
            return response;
        });
    }

    private ResponseEntity<?> replay(String key, String hash) {
        IdempotencyStore.StoredRequest stored = store.find(key).orElseThrow();
        if (!stored.requestHash().equals(hash)) {
            throw new RuleViolationException("idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for a different request.",
                    Map.of("method", stored.method(), "path", stored.path()));
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.body() == null) {
            return builder.build();
        }
        return builder.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .body(json.readValue(stored.body(), JsonNode.class));
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
