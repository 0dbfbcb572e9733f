package io.waypoint.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Runs every {@link Idempotent} controller method through {@link IdempotentCommands}, with the scope taken from
 * the request's matched route and path variables, e.g. {@code POST /api/v1/journeys/{journeyId}/consent
 * journeyId=j-1}.
 */
@Aspect
public class IdempotentCommandAspect {

    private final IdempotentCommands commands;

    public IdempotentCommandAspect(IdempotentCommands commands) {
        this.commands = commands;
    }

    @Around("@annotation(io.waypoint.platform.idempotency.Idempotent)")
    public Object run(ProceedingJoinPoint call) throws Throwable {
        Method method = ((MethodSignature) call.getSignature()).getMethod();
        if (!ResponseEntity.class.isAssignableFrom(method.getReturnType())) {
            throw new IllegalStateException("@Idempotent " + method + " must return a ResponseEntity");
        }
        HttpServletRequest request = currentRequest(method);
        String key = request.getHeader(IdempotentCommands.HEADER);
        return commands.run(key, scope(request), requestBody(method, call.getArgs()), bodyType(method), () -> {
            try {
                return (ResponseEntity<Object>) call.proceed();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The HTTP method, the matched route and its path variables sorted by name. */
    static String scope(HttpServletRequest request) {
        String route = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String scope = request.getMethod() + " " + (route != null ? route : request.getRequestURI());
        if (variables == null || variables.isEmpty()) {
            return scope;
        }
        return scope + " " + new TreeMap<>(variables).entrySet().stream()
                .map(variable -> variable.getKey() + "=" + variable.getValue())
                .collect(Collectors.joining(" "));
    }

    private static HttpServletRequest currentRequest(Method method) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        throw new IllegalStateException("@Idempotent " + method + " was called outside an HTTP request");
    }

    private static Object requestBody(Method method, Object[] args) {
        for (int i = 0; i < method.getParameterCount(); i++) {
            if (new MethodParameter(method, i).hasParameterAnnotation(RequestBody.class)) {
                return args[i];
            }
        }
        return null;
    }

    /** {@code T} of {@code ResponseEntity<T>}, to read a stored answer back. */
    @SuppressWarnings("unchecked")
    private static Class<Object> bodyType(Method method) {
        Type type = method.getGenericReturnType();
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> body) {
            return (Class<Object>) body;
        }
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof ParameterizedType generic) {
            return (Class<Object>) generic.getRawType();
        }
        return Object.class;
    }
}
