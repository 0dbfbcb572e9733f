package io.waypoint.scheduling.api;

import io.waypoint.scheduling.dosing.DoseKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Request bodies. The numeric bounds here reject values no instrument reports (a typing error), not values
 * a protocol forbids: protocol limits are configuration and answer 422.
 */
final class Requests {

    /** Identifiers and reason codes: no free text, so nothing identifying reaches a topic. */
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";

    private Requests() {
    }

    record OccurredAt(@NotNull Instant occurredAt) {
    }

    record NoShow(@NotNull Instant occurredAt,
                         @Pattern(regexp = CODE, message = "must be a reason code") String reason) {
    }

    record Vitals(
            @NotNull @Min(40) @Max(300) Integer systolicMmHg,
            @NotNull @Min(20) @Max(200) Integer diastolicMmHg,
            @NotNull @Min(20) @Max(250) Integer heartRateBpm,
            @NotNull @DecimalMin("30.0") @DecimalMax("45.0") @Digits(integer = 2, fraction = 1)
            BigDecimal temperatureCelsius) {
    }

    record VitalsRecord(
            @NotNull @Min(40) @Max(300) Integer systolicMmHg,
            @NotNull @Min(20) @Max(200) Integer diastolicMmHg,
            @NotNull @Min(20) @Max(250) Integer heartRateBpm,
            @NotNull @DecimalMin("30.0") @DecimalMax("45.0") @Digits(integer = 2, fraction = 1)
            BigDecimal temperatureCelsius,
            @NotNull Instant occurredAt) {
    }

    record PreDoseCheck(Boolean pregnancyTestNegative,
                               @NotNull Boolean fastingConfirmed,
                               @NotNull Boolean contraindicatedMedicationAbsent,
                               @NotNull Boolean cssrsNegative,
                               @NotNull @Valid Vitals vitals,
                               @NotNull Instant occurredAt) {
    }

    record DoseGiven(@NotNull DoseKind doseKind,
                            @NotNull @Positive @Digits(integer = 5, fraction = 2) BigDecimal amountMg,
                            @NotBlank @Size(max = 64) String lotNumber,
                            @NotBlank @Pattern(regexp = CODE, message = "must be a staff id") String dispensedBy,
                            @Pattern(regexp = CODE, message = "must be a staff id") String witnessedBy,
                            @NotNull Instant occurredAt) {
    }

    record DosingCompletion(@NotNull Instant occurredAt, @NotNull Boolean overnightStay) {
    }

    record DosingAbort(@NotBlank @Pattern(regexp = CODE, message = "must be a reason code") String reason,
                              @NotNull Instant occurredAt) {
    }

    record TherapistRecord(@NotBlank @Pattern(regexp = CODE, message = "must be an id") String therapistId,
                                  @NotBlank @Size(max = 120) String displayName,
                                  @NotNull Boolean leadQualified) {
    }

    record RoomRecord(@NotBlank @Pattern(regexp = CODE, message = "must be an id") String roomId,
                             @NotBlank @Size(max = 120) String name,
                             @NotNull Boolean dosingCapable,
                             @NotNull Boolean overnight) {
    }
}
