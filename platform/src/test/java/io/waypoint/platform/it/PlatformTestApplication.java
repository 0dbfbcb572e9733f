package io.waypoint.platform.it;

import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.platform.events.Cause;
import io.waypoint.platform.events.EnvelopeFactory;
import io.waypoint.platform.messaging.EventBindings;
import io.waypoint.platform.idempotency.Idempotent;
import io.waypoint.platform.outbox.Outbox;
import io.waypoint.schemas.Topic;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.function.Consumer;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the platform, to test the platform as services use it. */
@SpringBootApplication
public class PlatformTestApplication {

    @Component
    public static class ReferralWriter {
        private final Outbox outbox;
        private final EnvelopeFactory envelopes;
        private final JdbcClient jdbc;

        public ReferralWriter(Outbox outbox, EnvelopeFactory envelopes, JdbcClient jdbc) {
            this.outbox = outbox;
            this.envelopes = envelopes;
            this.jdbc = jdbc;
        }

        @Transactional
        public PatientReferred refer(String journeyId, String referralId, boolean failAfterPublishing) {
            jdbc.sql("INSERT INTO referral (referral_id, journey_id) VALUES (:r, :j)")
                    .param("r", referralId).param("j", journeyId).update();
            PatientReferred event = PatientReferred.newBuilder()
                    .setEnvelope(envelopes.next(journeyId, Instant.parse("2026-01-05T09:00:00Z"),
                            new ProtocolRef("mapp1", "1"), Cause.command()))
                    .setReferralId(referralId).setSiteId("site-1").build();
            outbox.publish(Topic.INTAKE, journeyId, event);
            if (failAfterPublishing) {
                throw new IllegalStateException("rolled back on purpose");
            }
            return event;
        }
    }

    /** Bound as {@code intake-in-0} in application.yml. */
    @Bean
    Consumer<Message<List<byte[]>>> intake(EventBindings bindings, IntakeListener listener) {
        return bindings.consumer(event -> listener.on(event.event()));
    }

    /** Counts the partition assignments of the test's bindings: a rebalance assigns partitions again. */
    @Component
    public static class Rebalances implements KafkaBindingRebalanceListener {
        private final java.util.concurrent.atomic.AtomicInteger assignments = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void onPartitionsAssigned(String bindingName, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                         java.util.Collection<org.apache.kafka.common.TopicPartition> partitions,
                                         boolean initial) {
            assignments.incrementAndGet();
        }

        public int assignments() {
            return assignments.get();
        }
    }

    @Component
    public static class IntakeListener {
        private final List<SpecificRecord> handled = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> failures = new ConcurrentHashMap<>();

        public List<SpecificRecord> handled() {
            return handled;
        }

        void on(SpecificRecord event) {
            if (event instanceof PatientReferred referred && referred.getReferralId().startsWith("poison")) {
                throw new IllegalArgumentException("cannot handle " + referred.getReferralId());
            }
            if (event instanceof PatientReferred referred && referred.getReferralId().startsWith("flaky")
                    && failures.merge(referred.getReferralId(), 1, Integer::sum) <= 4) {
                throw new TransientDataAccessResourceException("database briefly unavailable");
            }
            // an effect counts once its transaction commits: a poll that rolls back and is applied again counts once
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        handled.add(event);
                    }
                });
            } else {
                handled.add(event);
            }
        }
    }

    /** A REST command behind the {@code Idempotency-Key} header; {@code fail} rolls it back after its effects. */
    @RestController
    public static class ReferralController {
        public record ReferralRequest(String referralId, String journeyId) {
        }

        /** @param execution new for every run of the command, so a replay shows by repeating it */
        public record ReferralResponse(String referralId, String journeyId, String execution) {
        }

        private final ReferralWriter writer;

        public ReferralController(ReferralWriter writer) {
            this.writer = writer;
        }

        @Idempotent
        @PostMapping("/sites/{siteId}/referrals")
        public ResponseEntity<ReferralResponse> refer(
                @PathVariable String siteId, @RequestBody ReferralRequest request,
                @RequestParam(defaultValue = "false") boolean fail) {
            writer.refer(request.journeyId(), request.referralId(), fail);
            return ResponseEntity.status(HttpStatus.CREATED).body(new ReferralResponse(request.referralId(),
                    request.journeyId(), UUID.randomUUID().toString()));
        }
    }
}
