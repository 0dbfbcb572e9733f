package io.waypoint.scheduling.dosing;

import java.util.List;

/** The outcome of the pre-dose checklist: passed when no item failed. */
public record PreDoseResult(List<PreDoseItem> failedItems) {

    public PreDoseResult {
        failedItems = List.copyOf(failedItems);
    }

    public boolean passed() {
        return failedItems.isEmpty();
    }
}
