package io.waypoint.platform.problem;

/**
 * A request value found invalid outside bean validation (a header, a value checked against the clock): the same
 * 400 problem as bean validation gives, with an {@code errors} entry naming the field or header. The message
 * never repeats the value.
 */
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
