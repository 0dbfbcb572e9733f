package io.waypoint.intake.api;

import io.waypoint.intake.journey.Identifiers;

/** What travels in events and logs is a code, never free text. */
final class Codes {

    /** Protocol codes (exclusion codes, medication classes, reasons): letters, digits and underscores. */
    static final String PATTERN = "[A-Za-z][A-Za-z0-9_]{0,63}";
    static final String MESSAGE = "must be a code of letters, digits and underscores";

    /** Identifiers a caller chooses (referral, site, consent form version); see {@link Identifiers}. */
    static final String IDENTIFIER = Identifiers.PATTERN;
    static final String IDENTIFIER_MESSAGE = Identifiers.MESSAGE;

    private Codes() {
    }
}
