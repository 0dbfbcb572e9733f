package io.waypoint.platform.test;

import io.waypoint.platform.idempotency.IdempotentCommandAspect;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.context.annotation.Import;

/**
 * For a {@code @WebMvcTest} slice of controllers with {@code @Idempotent} commands: the slice loads no
 * auto-configured aspects, so this adds the platform's idempotency aspect and proxying (the test still provides an
 * {@code IdempotentCommands}, real or mocked).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(IdempotentCommandAspect.class)
@EnableAspectJAutoProxy(proxyTargetClass = true)
public @interface WithIdempotentCommands {
}
