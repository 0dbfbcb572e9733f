package io.waypoint.intake.api;

/** A request header with an invalid value: 400 naming the header. The message never repeats the value. */
public class InvalidHeaderException extends RuntimeException {

    private final String header;

    public InvalidHeaderException(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
