package io.waypoint.intake.eligibility;

/**
 * C-SSRS screener answers (items 1-6). Positive, i.e. the most severe triage level, is a yes to item 4
 * (intent) or item 5 (plan with intent), or suicidal behaviour within the look-back window (item 6).
 */
public record CssrsScreen(boolean wishToBeDead, boolean activeThoughts, boolean methodThoughts, boolean intent,
                          boolean planWithIntent, boolean recentBehaviour) {

    public boolean positive() {
        return intent || planWithIntent || recentBehaviour;
    }
}
