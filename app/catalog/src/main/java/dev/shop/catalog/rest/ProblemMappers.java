package dev.shop.catalog.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.shop.catalog.service.ProblemException;
import dev.shop.catalog.service.Problems;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem: client mistakes into
 * 4xx with a detail that says what to fix, a lost database into 503, and anything else into a 500
 * that is logged with its stack trace and shows the client nothing internal.
 */
public class ProblemMappers {

    private static final String BASIC_CHALLENGE = "Basic realm=\"shop\", charset=\"UTF-8\"";

    private final ProblemResponses problems;

    public ProblemMappers(ProblemResponses problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException problem, HttpServerRequest request) {
        Log.debugf("%s %s: %d %s", request.method(), request.path(), problem.status(), problem.detail());
        return problems.response(problem, request.path());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException exception, HttpServerRequest request) {
        List<Map<String, String>> violations = exception.getConstraintViolations().stream()
                .map(violation -> Map.of("field", field(violation), "message", violation.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String detail = violations.stream()
                .map(violation -> violation.get("field") + " " + violation.get("message"))
                .collect(Collectors.joining("; "));
        return problem(Problems.generic(400, "Bad Request", detail).with("violations", violations), request);
    }

    /** Named explicitly besides its supertype: Quarkus has a built-in mapper for MismatchedInputException. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException exception, HttpServerRequest request) {
        String detail;
        if (exception instanceof JsonParseException parse) {
            detail = "The body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ").";
        } else if (exception instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field " + path(unknown) + ".";
        } else if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail = "Field " + path(mapping) + " has the wrong type or shape.";
        } else {
            detail = "The body does not have the expected JSON shape.";
        }
        return problem(Problems.generic(400, "Bad Request", detail), request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception, HttpServerRequest request) {
        return problem(Problems.generic(401, "Unauthorized", "This operation needs credentials (HTTP Basic).")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE), request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception, HttpServerRequest request) {
        return problem(Problems.generic(401, "Unauthorized", "The credentials were not accepted.")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, HttpServerRequest request) {
        return problem(Problems.generic(403, "Forbidden", "This operation needs the admin role."), request);
    }

    @ServerExceptionMapper
    public Response databaseUnavailable(JDBCConnectionException exception, HttpServerRequest request) {
        Log.warnf("database unreachable during %s %s: %s", request.method(), request.path(), exception.getMessage());
        return problem(Problems.databaseUnavailable(), request);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException exception, HttpServerRequest request) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing is at " + request.path() + ".";
            case 405 -> request.method() + " is not allowed on " + request.path() + ".";
            case 406 -> "This resource answers with application/json only.";
            case 415 -> "Send the body as application/json.";
            default -> title + ".";
        };
        ProblemException problem = Problems.generic(status, title, detail);
        if (exception instanceof NotAllowedException) {
            String allowed = original.getHeaderString(HttpHeaders.ALLOW);
            if (allowed != null) {
                problem = problem.withHeader(HttpHeaders.ALLOW, allowed);
            }
        }
        return problem(problem, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception exception, HttpServerRequest request) {
        Log.errorf(exception, "%s %s failed", request.method(), request.path());
        return problem(Problems.generic(500, "Internal Server Error",
                "Something went wrong on our side; it has been logged."), request);
    }

    /** The path as a client knows it: {@code lines[0].quantity}, not {@code reserve.request.lines[0].quantity}. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
