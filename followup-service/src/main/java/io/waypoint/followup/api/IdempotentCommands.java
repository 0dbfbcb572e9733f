package io.waypoint.followup.api;

import io.waypoint.followup.store.IdempotencyStore;
import io.waypoint.followup.store.IdempotencyStore.StoredResponse;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command at most once per {@code Idempotency-Key}: the first response is stored in the command's own
 * transaction and returned again for a repeat. Without a key the command simply runs.
 */
@Component
public class IdempotentCommands {

    private final IdempotencyStore store;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    public IdempotentCommands(IdempotencyStore store, PlatformTransactionManager transactions, JsonMapper json) {
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
    }

    public <T> ResponseEntity<T> run(String idempotencyKey, String scope, HttpStatus status, Class<T> type,
                                     Supplier<T> command) {
        if (idempotencyKey == null) {
            return ResponseEntity.status(status).body(command.get());
        }
        try {
            return tx.execute(transaction -> store.find(scope, idempotencyKey).map(stored -> replay(stored, type))
                    .orElseGet(() -> {
                        T result = command.get();
                        store.save(scope, idempotencyKey,
                                new StoredResponse(status.value(), json.writeValueAsString(result)));
                        return ResponseEntity.status(status).body(result);
                    }));
        } catch (DuplicateKeyException concurrentFirst) {
            return replay(store.find(scope, idempotencyKey).orElseThrow(() -> concurrentFirst), type);
        }
    }

    private <T> ResponseEntity<T> replay(StoredResponse stored, Class<T> type) {
        return ResponseEntity.status(stored.status()).body(json.readValue(stored.body(), type));
    }
}
