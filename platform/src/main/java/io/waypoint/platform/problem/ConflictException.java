package io.waypoint.platform.problem;

/** The request conflicts with the resource's current state: 409 with a stable problem type. */
public class ConflictException extends RuntimeException {

    private final String slug;

    public ConflictException(String slug, String detail) {
        super(detail);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
