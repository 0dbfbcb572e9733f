package io.waypoint.platform.messaging;

/**
 * What a binding does with a decoded record, inside the transaction that also marks the record handled. It turns
 * the Avro record into a plain command for the application layer; a refusal it lets through (or a
 * {@link NonRetryableEventException} it throws) dead-letters the record at once.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(InboundEvent event);
}
