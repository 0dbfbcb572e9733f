package io.waypoint.scheduling.api;

/** A request value that no command accepts, found outside bean validation: 400 naming the field or header. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
