package io.waypoint.scheduling.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A dose given in a dosing session. */
public record Dose(DoseKind kind, BigDecimal amountMg, Instant administeredAt) {

    public Dose {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amountMg, "amountMg");
        Objects.requireNonNull(administeredAt, "administeredAt");
    }
}
