package io.waypoint.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waypoint.platform.inbox.Inbox;
import io.waypoint.platform.test.WaypointServiceTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@WaypointServiceTest
class InboxIntegrationTest {

    @Autowired Inbox inbox;
    @Autowired TransactionTemplate transactions;

    @Test
    void aPollsIdsAreRecordedWithOneStatementAndOnlyNewOnesComeBack() {
        UUID seen = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> assertThat(inbox.firstDelivery(seen, "inbox-test")).isTrue());

        Set<UUID> first = transactions.execute(tx -> inbox.firstDeliveries(List.of(seen, fresh, fresh), "inbox-test"));
        assertThat(first).containsExactly(fresh);
        // another consumer group has its own inbox
        Set<UUID> other = transactions.execute(tx -> inbox.firstDeliveries(List.of(seen, fresh), "inbox-test-2"));
        assertThat(other).containsExactlyInAnyOrder(seen, fresh);
    }

    @Test
    void aRolledBackPollRecordsNothing() {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            inbox.firstDeliveries(List.of(id), "inbox-test");
            tx.setRollbackOnly();
        });
        Boolean first = transactions.execute(tx -> inbox.firstDelivery(id, "inbox-test"));
        assertThat(first).isTrue();
    }

    @Test
    void outsideATransactionItRefuses() {
        assertThatThrownBy(() -> inbox.firstDeliveries(List.of(UUID.randomUUID()), "inbox-test"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
