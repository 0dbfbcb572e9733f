package io.waypoint.scheduling.store;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The first answer to each REST command sent with an Idempotency-Key. */
@Repository
public class IdempotencyStore {

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a key for this transaction; false when it was used before. A concurrent request with the same key
     * waits here until the first one commits (or rolls back and frees the key).
     */
    public boolean claim(String key, String scope) {
        return jdbc.sql("""
                INSERT INTO idempotent_request (idempotency_key, scope) VALUES (:key, :scope) ON CONFLICT DO NOTHING
                """)
                .param("key", key).param("scope", scope).update() == 1;
    }

    public Optional<StoredResponse> response(String key, String scope) {
        return jdbc.sql("SELECT status, body FROM idempotent_request WHERE idempotency_key = :key AND scope = :scope")
                .param("key", key).param("scope", scope)
                .query((rs, n) -> new StoredResponse(rs.getInt("status"), rs.getString("body")))
                .optional();
    }

    public void store(String key, String scope, int status, String body) {
        jdbc.sql("UPDATE idempotent_request SET status = :status, body = :body WHERE idempotency_key = :key AND scope = :scope")
                .param("key", key).param("scope", scope).param("status", status).param("body", body).update();
    }

    public record StoredResponse(int status, String body) {
    }
}
