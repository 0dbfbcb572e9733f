package io.waypoint.scheduling.api;

import io.waypoint.platform.problem.InvalidRequestException;
import io.waypoint.platform.problem.RuleViolationException;
import io.waypoint.scheduling.config.SchedulingProperties;
import io.waypoint.scheduling.store.IdempotencyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command once per {@code Idempotency-Key}: the first run's answer and a hash of its request are stored in
 * the command's own transaction. The same key on the same resource with the same request gets that answer again
 * without a second effect; with another request it is refused (422 {@code idempotency-key-reused}).
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;
    private final JsonMapper json;
    private final int maxKeyLength;

    public Idempotency(IdempotencyStore store, JsonMapper json, SchedulingProperties properties) {
        this.store = store;
        this.json = json;
        this.maxKeyLength = properties.idempotencyKeyMaxLength();
    }

    /** 400 naming the header when the key is longer than allowed; call before anything else of the command. */
    public void requireValidKey(String key) {
        if (key != null && key.length() > maxKeyLength) {
            throw new InvalidRequestException(HEADER, "must be at most " + maxKeyLength + " characters");
        }
    }

    @Transactional
    public <T> ResponseEntity<T> run(String key, String scope, Object request, HttpStatus status, Class<T> type,
                                     Supplier<T> command) {
        requireValidKey(key);
        if (key == null || key.isBlank()) {
            return ResponseEntity.status(status).body(command.get());
        }
        String requestHash = hash(request);
        if (!store.claim(key, scope, requestHash)) {
            IdempotencyStore.StoredResponse stored = store.response(key, scope)
                    .orElseThrow(() -> new IllegalStateException("Idempotency key claimed without an answer"));
            if (stored.requestHash() != null && !stored.requestHash().equals(requestHash)) {
                throw new RuleViolationException("idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was first sent with another request; a new request needs a new key.",
                        Map.of("header", HEADER));
            }
            return ResponseEntity.status(stored.status()).body(json.readValue(stored.body(), type));
        }
        T body = command.get();
        store.store(key, scope, status.value(), json.writeValueAsString(body));
        return ResponseEntity.status(status).body(body);
    }

    /** SHA-256 of the request as JSON, in hex. */
    private String hash(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
