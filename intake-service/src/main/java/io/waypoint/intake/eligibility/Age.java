package io.waypoint.intake.eligibility;

import java.time.LocalDate;
import java.time.Period;

/** Age in completed years, as used by the age criterion. */
public final class Age {

    private Age() {
    }

    /** Completed years from {@code birthDate} to {@code on}; a birthday on {@code on} counts as completed. */
    public static int yearsOn(LocalDate birthDate, LocalDate on) {
        if (on.isBefore(birthDate)) {
            throw new IllegalArgumentException("The date is before the birth date");
        }
        return Period.between(birthDate, on).getYears();
    }
}
