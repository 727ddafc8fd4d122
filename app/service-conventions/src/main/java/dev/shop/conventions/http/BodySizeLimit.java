package dev.shop.conventions.http;

import dev.shop.conventions.problem.ProblemException;
import dev.shop.conventions.problem.ProblemMappers;
import dev.shop.conventions.problem.ProblemResponses;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem.
 * Quarkus checks the same limit in a route of order -2 but answers with an empty body, so this route
 * runs just before it. (A chunked body without Content-Length still meets Quarkus' own check.)
 * On with the problem mappers ({@value ProblemMappers#ENABLED}).
 */
@ApplicationScoped
@IfBuildProperty(name = ProblemMappers.ENABLED, stringValue = "true")
public class BodySizeLimit {

    /** Just before Quarkus' own body limit check (order -2). */
    private static final int ROUTE_ORDER = -3;

    private final long limit;
    private final ProblemResponses problems;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                         ProblemResponses problems) {
        this.limit = limit.asLongValue();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                        // the client may still be sending; closing is the only way to stop reading it
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problems.body(ProblemException.generic(413, "Content Too Large",
                                "The body is larger than " + limit / 1024 + " KiB."), context.request().path()));
                return;
            }
            context.next();
        });
    }

    /** A Content-Length that is not a number is left to the HTTP server's own checks. */
    static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
