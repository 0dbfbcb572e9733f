package io.waypoint.intake.api;

import io.waypoint.platform.problem.ProblemHandler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An invalid request header is an invalid request like an invalid field: 400 problem+json of type
 * {@code invalid-request} whose {@code errors} name the header.
 */
@RestControllerAdvice
public class HeaderProblems {

    @ExceptionHandler(InvalidHeaderException.class)
    ResponseEntity<ProblemDetail> invalidHeader(InvalidHeaderException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has an invalid header.");
        problem.setType(URI.create(ProblemHandler.TYPE_BASE + "invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", ex.header(), "message", ex.getMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
