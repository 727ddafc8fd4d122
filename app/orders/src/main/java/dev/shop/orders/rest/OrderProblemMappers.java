package dev.shop.orders.rest;

import dev.shop.conventions.problem.ProblemMappers;
import dev.shop.orders.service.Problems;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The problem only orders knows about: its database is gone (503 with Retry-After). Everything else is
 * mapped by the shared {@link ProblemMappers} (service-conventions).
 */
public class OrderProblemMappers {

    private final ProblemMappers problems;

    public OrderProblemMappers(ProblemMappers problems) {
        this.problems = problems;
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
