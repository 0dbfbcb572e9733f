package io.waypoint.followup.api;

import io.waypoint.platform.validation.NotAfterNow;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Request bodies of the follow-up commands. {@code occurredAt}: when the fact happened; like {@code onsetAt} it
 * may not lie later than this service's clock plus {@code waypoint.clock-skew}.
 */
final class Requests {

    private Requests() {
    }

    /** Ids of staff (raters, releasing clinicians): opaque codes, never names. */
    static final String STAFF_ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";

    enum Severity { MILD, MODERATE, SEVERE }

    enum Instrument { CAPS5, SDS, PCL5, PHQ9, BDI2 }

    /** PHQ-9 item 9 is answered 0-3. */
    record CheckInRequest(@Positive Integer dosingNumber, @Positive Integer dayNumber,
                                 @Min(0) @Max(3) Integer phq9Item9, @NotNull Boolean cssrsPositive,
                                 @NotNull Boolean concernRaised, @NotNull @NotAfterNow Instant occurredAt) {
    }

    /** {@code term}: a short coded or preferred term (e.g. "Euphoria"), not a narrative. */
    record AdverseEventRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "^[\\p{L}\\p{N} ,'()/-]+$",
                                              message = "must be a short term: letters, digits, spaces and ,'()/-")
                                      String term,
                                      @NotNull Severity severity, @NotNull Boolean serious, @NotNull Boolean favourable,
                                      @NotNull @NotAfterNow Instant onsetAt, @Positive Integer dosingNumber,
                                      @NotNull @NotAfterNow Instant occurredAt) {
    }

    record OutcomeAssessmentRequest(@NotNull Instrument instrument,
                                           @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,39}$",
                                                   message = "must be a timepoint code such as PRIMARY_ENDPOINT")
                                           String timepoint,
                                           @NotNull @Min(0) Integer score,
                                           @NotBlank @Pattern(regexp = STAFF_ID, message = "must be a staff id")
                                           String raterId,
                                           @NotNull @NotAfterNow Instant occurredAt) {
    }

    record SafetyHoldReleaseRequest(@NotBlank @Pattern(regexp = STAFF_ID, message = "must be a staff id")
                                           String releasedBy,
                                           @NotNull @NotAfterNow Instant occurredAt) {
    }
}
