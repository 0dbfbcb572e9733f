package io.waypoint.intake.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests made with an {@code Idempotency-Key} header and the response first given to each. */
@Repository
public class IdempotencyStore {

    public record StoredRequest(String method, String path, String requestHash, Integer status, String body) {
    }

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a key for this request; false when the key is taken. A concurrent claim of the same key waits on
     * the primary key until the first transaction ends, then sees the key taken (or claims it after a rollback).
     */
    public boolean claim(String key, String method, String path, String requestHash, Instant now) {
        return jdbc.sql("""
                INSERT INTO idempotent_request (idempotency_key, request_method, request_path, request_hash,
                                                created_at)
                VALUES (:key, :method, :path, :hash, :now)
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .param("key", key).param("method", method).param("path", path).param("hash", requestHash)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    public Optional<StoredRequest> find(String key) {
        return jdbc.sql("""
                SELECT request_method, request_path, request_hash, response_status, response_body
                FROM idempotent_request WHERE idempotency_key = :key
                """)
                .param("key", key)
                .query((rs, n) -> new StoredRequest(rs.getString("request_method"), rs.getString("request_path"),
                        rs.getString("request_hash"), (Integer) rs.getObject("response_status"),
                        rs.getString("response_body")))
                .optional();
    }

    public void storeResponse(String key, int status, String body) {
        jdbc.sql("UPDATE idempotent_request SET response_status = :status, response_body = :body "
                        + "WHERE idempotency_key = :key")
                .param("status", status).param("body", body).param("key", key).update();
    }
}
