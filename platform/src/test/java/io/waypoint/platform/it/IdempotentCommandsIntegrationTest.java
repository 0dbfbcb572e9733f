package io.waypoint.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waypoint.platform.idempotency.IdempotentCommands;
import io.waypoint.platform.test.WaypointServiceTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The {@code Idempotency-Key} header as a service's REST command uses it, on a real database. */
@WaypointServiceTest
class IdempotentCommandsIntegrationTest {

    record Reply(int status, JsonNode body, String replayed) {
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired IdempotentCommands idempotent;

    private RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void theSameKeyAndBodyGetTheFirstResponseAgainWithNoSecondEffect() {
        String site = "site-" + UUID.randomUUID();
        String referralId = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        Reply first = refer(site, referralId, key, false);
        Reply again = refer(site, referralId, key, false);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.replayed()).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(referrals(referralId)).isEqualTo(1);
        assertThat(storedKeys(key)).isEqualTo(1);
    }

    @Test
    void theSameKeyInAnotherScopeIsAnotherCommand() {
        String key = UUID.randomUUID().toString();
        String referralId = "idem-" + UUID.randomUUID();
        String otherReferralId = "idem-" + UUID.randomUUID();

        assertThat(refer("site-a-" + key, referralId, key, false).status()).isEqualTo(201);
        Reply other = refer("site-b-" + key, otherReferralId, key, false);

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.replayed()).isNull();
        assertThat(referrals(otherReferralId)).isEqualTo(1);
        assertThat(storedKeys(key)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String site = "site-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String referralId = "idem-" + UUID.randomUUID();
        Reply first = refer(site, referralId, key, false);

        String otherReferralId = "idem-" + UUID.randomUUID();
        Reply other = refer(site, otherReferralId, key, false);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("type").asString())
                .isEqualTo("https://waypoint.example/problems/idempotency-key-reused");
        assertThat(other.body().get("header").asString()).isEqualTo("Idempotency-Key");
        assertThat(referrals(otherReferralId)).isZero();
        Reply firstAgain = refer(site, referralId, key, false);
        assertThat(firstAgain.status()).isEqualTo(201);
        assertThat(firstAgain.body()).isEqualTo(first.body());
    }

    @Test
    void aKeyLongerThanTheMaximumIsA400NamingTheHeaderAndTheMaximumIsAccepted() {
        String site = "site-" + UUID.randomUUID();
        String referralId = "idem-" + UUID.randomUUID();

        Reply tooLong = refer(site, referralId, "k".repeat(201), false);

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("type").asString())
                .isEqualTo("https://waypoint.example/problems/invalid-request");
        assertThat(tooLong.body().at("/errors/0/field").asString()).isEqualTo("Idempotency-Key");
        assertThat(tooLong.body().at("/errors/0/message").asString()).isEqualTo("must be at most 200 characters");
        assertThat(referrals(referralId)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM idempotent_request WHERE scope = :scope")
                .param("scope", "POST /sites/{siteId}/referrals siteId=" + site).query(Long.class).single()).isZero();

        String longest = "k".repeat(200);
        assertThat(refer(site, referralId, longest, false).status()).isEqualTo(201);
        assertThat(refer(site, referralId, longest, false).replayed()).isEqualTo("true");
        assertThat(referrals(referralId)).isEqualTo(1);
    }

    @Test
    void aRolledBackCommandStoresNothingSoItsKeyMayBeRetried() {
        String site = "site-" + UUID.randomUUID();
        String referralId = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        Reply failed = refer(site, referralId, key, true);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(storedKeys(key)).isZero();
        assertThat(referrals(referralId)).isZero();

        Reply retried = refer(site, referralId, key, false);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.replayed()).isNull();
        assertThat(referrals(referralId)).isEqualTo(1);
        assertThat(storedKeys(key)).isEqualTo(1);
    }

    @Test
    void aConcurrentDuplicateWaitsForTheFirstAndGetsItsResponseWithoutRunning() throws Exception {
        String key = UUID.randomUUID().toString();
        String scope = "concurrent:" + key;
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<ResponseEntity<String>> first = threads.submit(() -> idempotent.run(key, scope, "request",
                    String.class, () -> {
                        runs.incrementAndGet();
                        firstRunning.countDown();
                        awaitRelease(releaseFirst);
                        return ResponseEntity.status(HttpStatus.CREATED).body("first");
                    }));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ResponseEntity<String>> duplicate = threads.submit(() -> idempotent.run(key, scope, "request",
                    String.class, () -> {
                        runs.incrementAndGet();
                        return ResponseEntity.status(HttpStatus.CREATED).body("duplicate");
                    }));
            // the duplicate's claim waits on the first one's uncommitted key
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock'
                    """).query(Long.class).single() >= 1);
            assertThat(duplicate.isDone()).isFalse();
            releaseFirst.countDown();

            ResponseEntity<String> firstResponse = first.get(10, TimeUnit.SECONDS);
            ResponseEntity<String> duplicateResponse = duplicate.get(10, TimeUnit.SECONDS);
            assertThat(firstResponse.getStatusCode().value()).isEqualTo(201);
            assertThat(firstResponse.getBody()).isEqualTo("first");
            assertThat(duplicateResponse.getStatusCode().value()).isEqualTo(201);
            assertThat(duplicateResponse.getBody()).isEqualTo("first");
            assertThat(duplicateResponse.getHeaders().getFirst(IdempotentCommands.REPLAYED_HEADER)).isEqualTo("true");
        }
        assertThat(runs).hasValue(1);
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply refer(String site, String referralId, String key, boolean fail) {
        String body = "{\"referralId\": \"" + referralId + "\", \"journeyId\": \"j-" + referralId + "\"}";
        return http.post().uri("/sites/{site}/referrals?fail={fail}", site, fail)
                .contentType(MediaType.APPLICATION_JSON)
                .header(IdempotentCommands.HEADER, key)
                .body(body)
                .exchange((request, response) -> new Reply(response.getStatusCode().value(),
                        response.bodyTo(JsonNode.class),
                        response.getHeaders().getFirst(IdempotentCommands.REPLAYED_HEADER)));
    }

    private long referrals(String referralId) {
        return jdbc.sql("SELECT count(*) FROM referral WHERE referral_id = :r").param("r", referralId)
                .query(Long.class).single();
    }

    private long storedKeys(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotent_request WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single();
    }
}
