package dev.shop.catalog.rest;

import dev.shop.conventions.problem.ProblemException;
import dev.shop.conventions.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The problems only catalog knows about: its admin authentication (HTTP Basic). Everything else, a database
 * outage too, is mapped by the shared {@link ProblemMappers} (service-conventions).
 */
public class CatalogProblemMappers {

    private static final String BASIC_CHALLENGE = "Basic realm=\"shop\", charset=\"UTF-8\"";

    private final ProblemMappers problems;

    public CatalogProblemMappers(ProblemMappers problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception, HttpServerRequest request) {
        return problems.problem(ProblemException.generic(401, "Unauthorized", "This operation needs credentials (HTTP Basic).")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE), request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception, HttpServerRequest request) {
        return problems.problem(ProblemException.generic(401, "Unauthorized", "The credentials were not accepted.")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, HttpServerRequest request) {
        return problems.problem(ProblemException.generic(403, "Forbidden", "This operation needs the admin role."), request);
    }
}
