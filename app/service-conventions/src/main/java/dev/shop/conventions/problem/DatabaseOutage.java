package dev.shop.conventions.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells an exception that means "the database cannot be used right now" (worth a retry, a 503) from a bug, by
 * the SQLState of a {@link SQLException} among its causes, never by message text:
 * class {@code 08} (connection exception: refused, dropped, or a read cut by the driver's socket timeout),
 * {@code 53300} (too many connections) and {@code 57P01}-{@code 57P03} (the server is shutting down or starting).
 * The one state-less case is the pool's own: no free connection within its acquisition timeout (Agroal raises a
 * plain {@code SQLException}), recognised by coming from the pool.
 */
public final class DatabaseOutage {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("53300", "57P01", "57P02", "57P03");
    private static final String POOL_PACKAGE = "io.agroal.";

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException exception) {
        if (exception instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = exception.getSQLState();
        if (state != null) {
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        StackTraceElement[] origin = exception.getStackTrace();
        return origin.length > 0 && origin[0].getClassName().startsWith(POOL_PACKAGE);
    }
}
