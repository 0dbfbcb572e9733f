package io.waypoint.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.platform.events.Cause;
import io.waypoint.platform.events.EnvelopeFactory;
import io.waypoint.platform.inbox.Inbox;
import io.waypoint.platform.rules.RuleViolationException;
import io.waypoint.platform.rules.Violation;
import io.waypoint.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction per poll, and a failing record isolated: what {@link EventBindings} promises, against a
 * transaction manager that keeps what a transaction did only when it commits.
 */
class EventBindingsTest {

    private final EventCodec codec = new EventCodec();
    private final EnvelopeFactory envelopes = new EnvelopeFactory(Clock.systemUTC(), "test");
    private final StagedTransactions transactions = new StagedTransactions();
    private final Inbox inbox = new Inbox(null) {
        @Override
        public Set<UUID> firstDeliveries(java.util.Collection<UUID> eventIds, String consumer) {
            Set<UUID> fresh = new HashSet<>();
            for (UUID eventId : eventIds) {
                if (transactions.seen(consumer + "/" + eventId)) {
                    fresh.add(eventId);
                }
            }
            return fresh;
        }
    };
    private final EventBindings bindings = new EventBindings(codec, inbox, new TransactionTemplate(transactions),
            "test-group");
    private final Consumer<Message<List<byte[]>>> consumer = bindings.consumer(in -> {
        String referral = ((PatientReferred) in.event()).getReferralId();
        if (referral.startsWith("poison")) {
            throw new IllegalArgumentException("cannot handle " + referral);
        }
        if (referral.startsWith("refused")) {
            throw new RuleViolationException(Violation.rule("spacing-window", "Outside the window", "too early"));
        }
        transactions.apply(referral);
    });

    @Test
    void aPollIsAppliedInOrderWithOneCommit() {
        consumer.accept(poll(referral("a"), referral("b"), referral("c"), referral("d")));

        assertThat(transactions.committed).containsExactly("a", "b", "c", "d");
        assertThat(transactions.commits).isEqualTo(1);
        assertThat(transactions.rollbacks).isZero();
    }

    @Test
    void theRecordsBeforeAFailingOneCommitAndTheFailureNamesItsIndex() {
        assertThatThrownBy(() -> consumer.accept(poll(referral("a"), referral("b"), referral("poison-1"),
                referral("c"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(2);
                    assertThat(failed.getCause()).hasMessage("cannot handle poison-1");
                });

        // the first attempt rolled back whole; a and b were applied again and committed once; c waits its turn
        assertThat(transactions.committed).containsExactly("a", "b");
        assertThat(transactions.rollbacks).isEqualTo(1);
        assertThat(transactions.commits).isEqualTo(1);
    }

    @Test
    void aFailingFirstRecordCommitsNothing() {
        assertThatThrownBy(() -> consumer.accept(poll(referral("poison-0"), referral("a"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isZero());
        assertThat(transactions.committed).isEmpty();
        assertThat(transactions.commits).isZero();
    }

    @Test
    void aRefusalIsNotRetryableAndNamesTheRule() {
        assertThatThrownBy(() -> consumer.accept(poll(referral("a"), referral("refused-1"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).isInstanceOf(NonRetryableEventException.class)
                            .hasMessageContaining("spacing-window");
                });
        assertThat(transactions.committed).containsExactly("a");
    }

    @Test
    void anUndecodableRecordFailsAtItsOwnPlace() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> consumer.accept(poll(referral("a"), garbage, referral("b"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).isInstanceOf(EventCodec.UndecodableEventException.class);
                });
        assertThat(transactions.committed).containsExactly("a");
    }

    @Test
    void aRecordDeliveredTwiceInOnePollOrInTwoHasOneEffect() {
        byte[] a = referral("a");
        consumer.accept(poll(a, referral("b"), a));
        consumer.accept(poll(a));

        assertThat(transactions.committed).containsExactly("a", "b");
    }

    @Test
    void aFailedCommitIsReportedAtTheFirstRecordAndKeepsNothing() {
        transactions.failNextCommit = true;
        assertThatThrownBy(() -> consumer.accept(poll(referral("a"), referral("b"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isZero());
        assertThat(transactions.committed).isEmpty();

        consumer.accept(poll(referral("a"), referral("b")));
        assertThat(transactions.committed).containsExactly("a", "b");
    }

    private byte[] referral(String referralId) {
        String journeyId = UUID.randomUUID().toString();
        return codec.encode(PatientReferred.newBuilder()
                .setEnvelope(envelopes.next(journeyId, Instant.parse("2026-01-05T09:00:00Z"),
                        new ProtocolRef("mapp1", "1"), Cause.command()))
                .setReferralId(referralId).setSiteId("site-1").build());
    }

    private static Message<List<byte[]>> poll(byte[]... values) {
        return MessageBuilder.withPayload(List.of(values))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC,
                        Collections.nCopies(values.length, "waypoint.intake.v1"))
                .build();
    }

    /** Effects and inbox entries staged per transaction, kept on commit, dropped on rollback. */
    private static final class StagedTransactions extends AbstractPlatformTransactionManager {
        final List<String> committed = new ArrayList<>();
        final Set<String> inbox = new HashSet<>();
        private final List<String> staged = new ArrayList<>();
        private final Set<String> stagedInbox = new HashSet<>();
        int commits;
        int rollbacks;
        boolean failNextCommit;

        void apply(String effect) {
            staged.add(effect);
        }

        boolean seen(String key) {
            return !inbox.contains(key) && stagedInbox.add(key);
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            staged.clear();
            stagedInbox.clear();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (failNextCommit) {
                failNextCommit = false;
                throw new org.springframework.transaction.TransactionSystemException("commit failed");
            }
            committed.addAll(staged);
            inbox.addAll(stagedInbox);
            commits++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks++;
        }
    }
}
