package dev.shop.conventions.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.shop.conventions.failure.Failure;
import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem: client mistakes into
 * 4xx with a detail that says what to fix, and anything else into a 500 that is logged with its stack
 * trace and shows the client nothing internal. A service's {@link Failure} (business logic names no status) is
 * answered as {@link ProblemException#of}. A service adds mappers for what only it knows (a lost
 * database, its authentication) and answers through {@link #problem}.
 * A service opts in with {@value #ENABLED}{@code =true} (read at build time), which also turns on {@code BodySizeLimit}.
 * A service with a database adds {@value #DATABASE_PROBLEMS}{@code =true}: a database it cannot use right now
 * ({@link DatabaseOutage}) is a 503 {@code urn:shop:problem:database-unavailable} with Retry-After, not a 500.
 */
@Singleton
@IfBuildProperty(name = ProblemMappers.ENABLED, stringValue = "true")
public class ProblemMappers {

    public static final String ENABLED = "service-conventions.problem-details.enabled";
    public static final String DATABASE_PROBLEMS = "service-conventions.database-problems.enabled";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemResponses problems;
    private final boolean databaseProblems;
    private final String application;

    public ProblemMappers(ProblemResponses problems,
                          @ConfigProperty(name = DATABASE_PROBLEMS, defaultValue = "false") boolean databaseProblems,
                          @ConfigProperty(name = "quarkus.application.name") String application) {
        this.problems = problems;
        this.databaseProblems = databaseProblems;
        this.application = application;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException problem, HttpServerRequest request) {
        LOG.debugf("%s %s: %d %s", request.method(), request.path(), problem.status(), problem.detail());
        return problems.response(problem, request.path());
    }

    @ServerExceptionMapper
    public Response failure(Failure failure, HttpServerRequest request) {
        return problem(ProblemException.of(failure), request);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException exception, HttpServerRequest request) {
        List<Map<String, String>> violations = exception.getConstraintViolations().stream()
                .map(violation -> Map.of("field", field(violation), "message", violation.getMessage()))
                .sorted(Comparator.comparing(violation -> violation.get("field")))
                .toList();
        String detail = violations.stream()
                .map(violation -> violation.get("field") + " " + violation.get("message"))
                .collect(Collectors.joining("; "));
        return problem(ProblemException.generic(400, "Bad Request", detail).with("violations", violations), request);
    }

    /** Named explicitly besides its supertype: Quarkus has a built-in mapper for MismatchedInputException. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException exception, HttpServerRequest request) {
        return problem(ProblemException.generic(400, "Bad Request", unreadableDetail(exception)), request);
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
        ProblemException problem = ProblemException.generic(status, title, detail);
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
        if (databaseProblems && DatabaseOutage.causedBy(exception)) {
            LOG.warnf("database unavailable during %s %s: %s", request.method(), request.path(), exception.toString());
            return problem(new ProblemException(503, ProblemException.TYPE_PREFIX + "database-unavailable",
                    "Service unavailable",
                    "The " + application + " database cannot be reached; retry shortly.")
                    .withHeader("Retry-After", "5"), request);
        }
        LOG.errorf(exception, "%s %s failed", request.method(), request.path());
        return problem(ProblemException.generic(500, "Internal Server Error",
                "Something went wrong on our side; it has been logged."), request);
    }

    /** What to fix in a body Jackson could not read, naming the field as the client wrote it. */
    static String unreadableDetail(JsonProcessingException exception) {
        if (exception instanceof JsonParseException parse) {
            return "The body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ").";
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field " + path(unknown) + ".";
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field " + path(mapping) + " has the wrong type or shape.";
        }
        return "The body does not have the expected JSON shape.";
    }

    /**
     * The path as a client knows it: {@code lines[0].quantity}, not {@code reserve.request.lines[0].quantity}
     * (a violation on a resource method's parameter starts with the method's and the parameter's names).
     */
    static String field(ConstraintViolation<?> violation) {
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
