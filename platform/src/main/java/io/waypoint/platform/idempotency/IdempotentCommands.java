package io.waypoint.platform.idempotency;

import io.waypoint.platform.problem.InvalidRequestException;
import io.waypoint.platform.rules.Violation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header of REST commands. The first request with a key in a scope (the command and
 * the resource it addresses) runs; its response (status and body) and a SHA-256 hash of its request body are
 * stored in the same transaction as its effects, so a command that fails stores nothing and may be retried with
 * its key. The same key in the same scope with the same body gets the stored response again, marked with
 * {@value #REPLAYED_HEADER}, with no second effect; with another body it is refused (422
 * {@code idempotency-key-reused}). A concurrent duplicate waits for the first to commit, then gets its response.
 * A key longer than {@code waypoint.idempotency.max-key-length} is an invalid request (400 naming the header).
 * Without a key the command simply runs. Only status and body are kept: a command answers without extra headers.
 */
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String KEY_REUSED = "idempotency-key-reused";

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final int maxKeyLength;

    public IdempotentCommands(IdempotencyStore store, PlatformTransactionManager transactionManager, JsonMapper json,
                              @Value("${waypoint.idempotency.max-key-length}") int maxKeyLength) {
        if (maxKeyLength < 1) {
            throw new IllegalArgumentException("waypoint.idempotency.max-key-length must be positive");
        }
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.maxKeyLength = maxKeyLength;
    }

    /**
     * Runs a command under its key, or simply runs it when there is none. Controllers do not call this: they
     * declare {@link Idempotent} and {@link IdempotentCommandAspect} calls it with the scope of the matched route.
     *
     * @param key     the header's value, or null
     * @param scope   the command and the resource it addresses
     * @param request the request body, to tell a repeat from another request under the same key
     * @param type    the type of the answer's body, to read a stored answer back
     */
    public <T> ResponseEntity<T> run(String key, String scope, Object request, Class<T> type,
                                     Supplier<ResponseEntity<T>> command) {
        if (key != null && key.length() > maxKeyLength) {
            throw new InvalidRequestException(HEADER, "must be at most " + maxKeyLength + " characters");
        }
        if (key == null || key.isBlank()) {
            return command.get();
        }
        String requestHash = hash(request);
        return transactions.execute(transaction -> {
            if (store.claim(key, scope, requestHash)) {
                ResponseEntity<T> response = command.get();
                T body = response.getBody();
                store.store(key, scope, response.getStatusCode().value(),
                        body == null ? null : json.writeValueAsString(body));
                return response;
            }
            return replay(store.find(key, scope)
                    .orElseThrow(() -> new IllegalStateException("Idempotency key taken but not found")),
                    requestHash, type);
        });
    }

    private <T> ResponseEntity<T> replay(IdempotencyStore.StoredResponse stored, String requestHash, Class<T> type) {
        if (!stored.requestHash().equals(requestHash)) {
            throw Violation.rule(KEY_REUSED, "Idempotency key reused",
                    "This Idempotency-Key was first sent with another request; a new request needs a new key.",
                    "header", HEADER).reject();
        }
        if (stored.status() == null) {
            throw new IllegalStateException("Idempotency key claimed without a stored response");
        }
        ResponseEntity.BodyBuilder replayed = ResponseEntity.status(stored.status()).header(REPLAYED_HEADER, "true");
        return stored.body() == null ? replayed.build() : replayed.body(json.readValue(stored.body(), type));
    }

    /** SHA-256 of the request as this service writes it in JSON, in hex: the same body hashes the same. */
    private String hash(Object request) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
