package io.waypoint.intake.api;

/** Codes that travel in events: letters, digits and underscores (kept upper-case), never free text. */
final class Codes {

    static final String PATTERN = "[A-Za-z][A-Za-z0-9_]{0,63}";
    static final String MESSAGE = "must be a code of letters, digits and underscores";

    private Codes() {
    }
}
