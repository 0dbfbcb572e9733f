package io.waypoint.platform.messaging;

/** A well-formed record that can never be handled: dead-lettered at once, without retries. */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
