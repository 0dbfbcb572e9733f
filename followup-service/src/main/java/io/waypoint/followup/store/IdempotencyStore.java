package io.waypoint.followup.store;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The first response to each command sent with an {@code Idempotency-Key}. */
@Repository
public class IdempotencyStore {

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredResponse> find(String scope, String key) {
        return jdbc.sql("""
                SELECT response_status, response_body FROM idempotent_command
                WHERE scope = :scope AND idempotency_key = :key
                """).param("scope", scope).param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getInt("response_status"), rs.getString("response_body")))
                .optional();
    }

    /** Stores the response; fails with a duplicate-key error when a concurrent request stored one first. */
    public void save(String scope, String key, StoredResponse response) {
        jdbc.sql("""
                INSERT INTO idempotent_command (scope, idempotency_key, response_status, response_body)
                VALUES (:scope, :key, :status, :body)
                """).param("scope", scope).param("key", key).param("status", response.status())
                .param("body", response.body()).update();
    }

    public record StoredResponse(int status, String body) {
    }
}
