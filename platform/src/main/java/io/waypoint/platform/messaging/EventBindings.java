package io.waypoint.platform.messaging;

import io.waypoint.events.common.Envelope;
import io.waypoint.platform.inbox.Inbox;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.platform.rules.RuleViolationException;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the functional {@code Consumer} beans that Spring Cloud Stream binds to Kafka, in the binder's batch mode:
 * each call receives what one poll returned. The binder decodes nothing (native decoding with a byte-array
 * deserializer), so a value reaches the error path, and a dead letter, as the writer's exact bytes.
 *
 * <p>The whole poll is handled in <em>one</em> database transaction: the records are decoded with Avro's own
 * decoder (once per poll), their eventIds are recorded in the inbox for the binding's consumer group with one
 * statement (a record delivered again, in this poll or a later one, has no second effect), and the handler runs for
 * each new one; the effects and the events they publish commit together or not at all, with one durable commit for the poll instead of one per record. Records are applied in
 * the order Kafka delivered them, so per-key (per-journey) order holds.
 *
 * <p>When a record fails, the transaction rolls back whole. The records before it are then applied again in a
 * transaction of their own and committed, and the failure is reported for that record alone
 * ({@link BatchListenerFailedException} with its index): the platform's container error handler
 * ({@link DeadLetters}) commits the offsets before it and retries, dead-letters (a record that cannot be decoded,
 * or whose command is refused, at once) or waits out a database outage for that one record, then goes on with the
 * rest. One bad record never holds back, and never doubles, the records around it.
 */
public class EventBindings {

    private final EventCodec codec;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final String defaultGroup;

    public EventBindings(EventCodec codec, Inbox inbox, TransactionTemplate transactions, String defaultGroup) {
        this.codec = codec;
        this.inbox = inbox;
        this.transactions = transactions;
        this.defaultGroup = defaultGroup;
    }

    /** A consumer for a batch-mode binding whose records {@code handler} applies. */
    public Consumer<Message<List<byte[]>>> consumer(EventHandler handler) {
        return message -> handle(message, handler);
    }

    private void handle(Message<List<byte[]>> message, EventHandler handler) {
        List<byte[]> values = message.getPayload();
        List<String> topics = topics(message, values.size());
        String group = group(message);
        // decoded once, up to the first record that cannot be: that one fails at its own place
        List<InboundEvent> events = new ArrayList<>(values.size());
        Failure failure = null;
        for (int i = 0; i < values.size() && failure == null; i++) {
            try {
                events.add(decode(values.get(i), topics.get(i)));
            } catch (RuntimeException undecodable) {
                failure = new Failure(i, undecodable);
            }
        }
        // apply what decoded; on a failure, commit the records before it, until a prefix commits or none is left
        int end = events.size();
        while (end > 0) {
            Failure first = apply(events, end, group, handler);
            if (first == null) {
                break;
            }
            failure = first;
            end = first.index();
        }
        if (failure != null) {
            throw new BatchListenerFailedException(failure.reason().getMessage(), failure.reason(), failure.index());
        }
    }

    /** Applies {@code events[0, end)} in one transaction; the first failure, or null when all committed. */
    private Failure apply(List<InboundEvent> events, int end, String group, EventHandler handler) {
        int[] current = {0};
        try {
            transactions.executeWithoutResult(transaction -> {
                List<UUID> ids = new ArrayList<>(end);
                for (int i = 0; i < end; i++) {
                    ids.add(events.get(i).envelope().getEventId());
                }
                Set<UUID> fresh = inbox.firstDeliveries(ids, group);
                for (int i = 0; i < end; i++) {
                    current[0] = i;
                    // remove: an event twice in one poll is applied once
                    if (fresh.remove(ids.get(i))) {
                        handleOne(events.get(i), handler);
                    }
                }
                // a failing commit is reported at the first record: nothing of this attempt was kept
                current[0] = 0;
            });
            return null;
        } catch (RuntimeException failure) {
            return new Failure(current[0], failure);
        }
    }

    private InboundEvent decode(byte[] value, String topic) {
        if (value == null || value.length == 0) {
            throw new NonRetryableEventException("An empty record carries no event");
        }
        SpecificRecord event = codec.decode(value);
        Envelope envelope = Events.envelopeOf(event);
        return new InboundEvent(event, envelope, topic);
    }

    private static void handleOne(InboundEvent in, EventHandler handler) {
        try {
            handler.handle(in);
        } catch (RuleViolationException refused) {
            throw new NonRetryableEventException(Events.type(in.event()) + " refused (" + refused.slug() + "): "
                    + refused.getMessage(), refused);
        } catch (NotFoundException missing) {
            throw new NonRetryableEventException(
                    Events.type(in.event()) + " cannot be applied: " + missing.getMessage(), missing);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> topics(Message<List<byte[]>> message, int size) {
        Object topics = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        if (topics instanceof List<?> list && list.size() == size) {
            return (List<String>) list;
        }
        throw new IllegalStateException("A binding built by EventBindings must be in batch mode "
                + "(spring.cloud.stream.bindings.<name>.consumer.batch-mode=true, the platform's default)");
    }

    private String group(Message<?> message) {
        String group = KafkaUtils.getConsumerGroupId();
        if (group == null) {
            group = message.getHeaders().get(KafkaHeaders.GROUP_ID, String.class);
        }
        return group != null ? group : defaultGroup;
    }

    private record Failure(int index, RuntimeException reason) {
    }
}
