package io.waypoint.platform.idempotency;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code idempotent_request} table: per scope and {@code Idempotency-Key}, a hash of the request first sent
 * with the key and the response first given to it.
 */
public class IdempotencyStore {

    /** @param status null only inside the transaction that claimed the key, before its response is stored */
    public record StoredResponse(String requestHash, Integer status, String body) {
    }

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a key in a scope for the calling transaction; false when it is already taken. A concurrent claim of
     * the same key waits on the primary key until the claiming transaction ends, then finds the key taken (or
     * claims it, when that transaction rolled back).
     */
    public boolean claim(String key, String scope, String requestHash) {
        return jdbc.sql("""
                INSERT INTO idempotent_request (scope, idempotency_key, request_hash)
                VALUES (:scope, :key, :hash)
                ON CONFLICT (scope, idempotency_key) DO NOTHING
                """)
                .param("scope", scope).param("key", key).param("hash", requestHash)
                .update() == 1;
    }

    public Optional<StoredResponse> find(String key, String scope) {
        return jdbc.sql("""
                SELECT request_hash, response_status, response_body FROM idempotent_request
                WHERE scope = :scope AND idempotency_key = :key
                """)
                .param("scope", scope).param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString("request_hash"),
                        (Integer) rs.getObject("response_status"), rs.getString("response_body")))
                .optional();
    }

    /** Stores the response to a key claimed in the calling transaction; {@code body} is JSON, or null. */
    public void store(String key, String scope, int status, String body) {
        jdbc.sql("""
                UPDATE idempotent_request SET response_status = :status, response_body = :body
                WHERE scope = :scope AND idempotency_key = :key
                """)
                .param("status", status).param("body", body).param("scope", scope).param("key", key)
                .update();
    }
}
