package io.waypoint.intake.journey;

import java.util.regex.Pattern;

/**
 * Identifiers that a caller chooses and that Waypoint publishes or logs (referral ids, site ids, consent form
 * versions): short codes of letters, digits and {@code . _ : -}, never free text, so that no name, note or other
 * identifying text can reach a topic or a log line through them.
 */
public final class Identifiers {

    /** A letter or digit, then up to 63 letters, digits or {@code . _ : -}. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    public static final String MESSAGE = "must be a code: a letter or digit, then up to 63 letters, digits or . _ : -";

    private static final Pattern CODE = Pattern.compile(PATTERN);

    private Identifiers() {
    }

    /** True when the value is a code; null is not. */
    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }
}
