package io.waypoint.scheduling.api;

import io.waypoint.scheduling.store.IdempotencyStore;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command once per {@code Idempotency-Key}: the first run's answer is stored in the command's own
 * transaction, and the same key on the same resource gets that answer again without a second effect.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;
    private final JsonMapper json;

    public Idempotency(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Transactional
    public <T> ResponseEntity<T> run(String key, String scope, HttpStatus status, Class<T> type, Supplier<T> command) {
        if (key == null || key.isBlank()) {
            return ResponseEntity.status(status).body(command.get());
        }
        if (!store.claim(key, scope)) {
            IdempotencyStore.StoredResponse stored = store.response(key, scope)
                    .orElseThrow(() -> new IllegalStateException("Idempotency key claimed without an answer"));
            return ResponseEntity.status(stored.status()).body(json.readValue(stored.body(), type));
        }
        T body = command.get();
        store.store(key, scope, status.value(), json.writeValueAsString(body));
        return ResponseEntity.status(status).body(body);
    }
}
