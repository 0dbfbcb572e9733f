package io.waypoint.platform.problem;

/** The addressed resource does not exist: 404. */
public class NotFoundException extends RuntimeException {

    private final String what;
    private final String id;

    public NotFoundException(String what, String id) {
        super("No " + what + " " + id);
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
