package dev.shop.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the statements one database receives while a request runs, as PostgreSQL itself saw them
 * (pg_stat_statements, which {@link LocalPostgres} loads: calls per normalised statement text). Tests use it to
 * pin what a request costs in round trips and transactions. It reads through the {@code postgres} database, so
 * its own queries are never counted against the service's.
 */
public final class StatementCounts {

    private StatementCounts() {
    }

    /**
     * Runs {@code request} once unmeasured (the first use of a statement may cost more), then {@code times} times,
     * and returns what {@code database} received during those.
     */
    public static Calls whileRunning(LocalPostgres postgres, String database, int times, Runnable request) {
        request.run();
        try (Connection connection = postgres.connectToPostgres()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                statement.execute("SELECT pg_stat_statements_reset()");
            }
            for (int i = 0; i < times; i++) {
                request.run();
            }
            return new Calls(callsByStatement(connection, database), times);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements of " + database, e);
        }
    }

    private static Map<String, Long> callsByStatement(Connection connection, String database) throws SQLException {
        Map<String, Long> calls = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT s.query, sum(s.calls) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = ? GROUP BY s.query""")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    calls.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return calls;
    }

    /** What one database was sent by {@code requests} requests: calls per statement text. */
    public record Calls(Map<String, Long> byStatement, int requests) {

        public long statements() {
            return byStatement.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * Transactions begun explicitly, counted by their BEGIN: PostgreSQL 14 counts the COMMIT that the JDBC driver
         * sends by the extended protocol only the first time (checked: three transactions, three BEGINs, one
         * COMMIT), while the driver sends BEGIN as a simple query each time. A statement run in autocommit mode
         * is a transaction of its own and is not counted here.
         */
        public long transactions() {
            return calls("BEGIN");
        }

        /**
         * Waits for an answer from the server: every statement but BEGIN, which the driver sends in the same
         * message as the first statement of its transaction, plus one COMMIT per transaction.
         */
        public long roundTrips() {
            return statements() - calls("BEGIN") - calls("COMMIT") + transactions();
        }

        /** Fails unless each request cost at most this many round trips and transactions; names every statement. */
        public void assertEachCostsAtMost(long roundTripsEach, long transactionsEach) {
            if (roundTrips() > requests * roundTripsEach || transactions() > requests * transactionsEach) {
                throw new AssertionError("%d requests cost %d round trips and %d transactions, at most %d and %d each "
                        .formatted(requests, roundTrips(), transactions(), roundTripsEach, transactionsEach)
                        + "were allowed; calls per statement: " + byStatement);
            }
        }

        private long calls(String statement) {
            return byStatement.getOrDefault(statement, 0L);
        }
    }
}
