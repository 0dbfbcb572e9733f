package io.waypoint.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;

/** Checks {@link NotAfterNow} against the service's {@link Clock}; created by Spring, which injects both. */
public class NotAfterNowValidator implements ConstraintValidator<NotAfterNow, Instant> {

    private final Clock clock;
    private final Duration skew;

    public NotAfterNowValidator(Clock clock, @Value("${waypoint.clock-skew:PT5M}") Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        if (value == null || !value.isAfter(clock.instant().plus(skew))) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must not be in the future (at most " + skew
                + " after this service's clock)").addConstraintViolation();
        return false;
    }
}
