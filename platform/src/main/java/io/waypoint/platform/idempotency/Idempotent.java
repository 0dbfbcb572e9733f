package io.waypoint.platform.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a REST command idempotent under the {@value IdempotentCommands#HEADER} header. The platform runs the
 * annotated controller method through {@link IdempotentCommands}: the scope is the HTTP method with the matched
 * route and its path variables (so the same key on another resource is another command), the request is the
 * method's {@code @RequestBody}, and the method returns a {@code ResponseEntity} whose status and body are stored
 * with the key. The controller itself stays a plain method.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {
}
