package dev.shop.catalog.rest;

import dev.shop.catalog.service.Problems;
import dev.shop.conventions.problem.ProblemException;
import dev.shop.conventions.problem.ProblemMappers;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The problems only catalog knows about: its admin authentication (HTTP Basic) and its database.
 * Everything else is mapped by the shared {@link ProblemMappers} (service-conventions).
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

    @ServerExceptionMapper
    public Response databaseUnavailable(JDBCConnectionException exception, HttpServerRequest request) {
        Log.warnf("database unreachable during %s %s: %s", request.method(), request.path(), exception.getMessage());
        return problems.problem(Problems.databaseUnavailable(), request);
    }

    /**
     * No free connection in the pool within its acquisition timeout (overload): Hibernate reports it as a
     * generic JDBC error, but for the caller it is the same as an unreachable database, a 503 to retry.
     * Any other generic JDBC error stays a 500.
     */
    @ServerExceptionMapper
    public Response databaseBusy(GenericJDBCException exception, HttpServerRequest request) {
        String message = String.valueOf(exception.getMessage());
        if (!message.startsWith("Unable to acquire JDBC Connection")) {
            return problems.unexpected(exception, request);
        }
        Log.warnf("no free database connection during %s %s: %s", request.method(), request.path(), message);
        return problems.problem(Problems.databaseUnavailable(), request);
    }
}
