package io.waypoint.scheduling.store;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The first answer to each REST command sent with an Idempotency-Key, and a hash of the request it answered. */
@Repository
public class IdempotencyStore {

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a key for this transaction with the hash of its request; false when it was used before. A concurrent
     * request with the same key waits here until the first one commits (or rolls back and frees the key).
     */
    public boolean claim(String key, String scope, String requestHash) {
        return jdbc.sql("""
                INSERT INTO idempotent_request (idempotency_key, scope, request_hash) VALUES (:key, :scope, :hash)
                ON CONFLICT DO NOTHING
                """)
                .param("key", key).param("scope", scope).param("hash", requestHash).update() == 1;
    }

    public Optional<StoredResponse> response(String key, String scope) {
        return jdbc.sql("""
                SELECT status, body, request_hash FROM idempotent_request WHERE idempotency_key = :key AND scope = :scope
                """)
                .param("key", key).param("scope", scope)
                .query((rs, n) -> new StoredResponse(rs.getInt("status"), rs.getString("body"),
                        rs.getString("request_hash")))
                .optional();
    }

    public void store(String key, String scope, int status, String body) {
        jdbc.sql("UPDATE idempotent_request SET status = :status, body = :body WHERE idempotency_key = :key AND scope = :scope")
                .param("key", key).param("scope", scope).param("status", status).param("body", body).update();
    }

    /** @param requestHash null for an answer stored before request hashes were kept */
    public record StoredResponse(int status, String body, String requestHash) {
    }
}
