package io.waypoint.platform.messaging;

import io.waypoint.events.common.Envelope;
import io.waypoint.platform.inbox.Inbox;
import io.waypoint.platform.problem.NotFoundException;
import io.waypoint.platform.rules.RuleViolationException;
import io.waypoint.schemas.EventCodec;
import io.waypoint.schemas.Events;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the functional {@code Consumer} beans that Spring Cloud Stream binds to Kafka. The binder decodes
 * nothing (native decoding with a byte-array deserializer), so the value reaches the error path, and a dead letter,
 * as the writer's exact bytes. Each record is decoded here with Avro's own decoder, then handled in one database
 * transaction that also records its eventId in the inbox for the binding's consumer group: a redelivered record
 * has no second effect, and a handler's effects and the events it publishes commit together or not at all.
 * A record that cannot be decoded, or whose command is refused, is dead-lettered at once; anything else is retried
 * by the platform's container error handler (see {@link DeadLetters}).
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

    /** A consumer for a binding whose records {@code handler} applies. */
    public Consumer<Message<byte[]>> consumer(EventHandler handler) {
        return message -> handle(message, handler);
    }

    private void handle(Message<byte[]> message, EventHandler handler) {
        if (message.getPayload() == null || message.getPayload().length == 0) {
            throw new NonRetryableEventException("An empty record carries no event");
        }
        SpecificRecord event = codec.decode(message.getPayload());
        Envelope envelope = Events.envelopeOf(event);
        String topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class);
        String group = group(message);
        transactions.executeWithoutResult(transaction -> {
            if (!inbox.firstDelivery(envelope.getEventId(), group)) {
                return;
            }
            try {
                handler.handle(new InboundEvent(event, envelope, topic));
            } catch (RuleViolationException refused) {
                throw new NonRetryableEventException(Events.type(event) + " refused (" + refused.slug() + "): "
                        + refused.getMessage(), refused);
            } catch (NotFoundException missing) {
                throw new NonRetryableEventException(
                        Events.type(event) + " cannot be applied: " + missing.getMessage(), missing);
            }
        });
    }

    private String group(Message<byte[]> message) {
        String group = KafkaUtils.getConsumerGroupId();
        if (group == null) {
            group = message.getHeaders().get(KafkaHeaders.GROUP_ID, String.class);
        }
        return group != null ? group : defaultGroup;
    }
}
