package dev.shop.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the statements one database received since {@link #reset()}, as PostgreSQL itself saw them
 * (pg_stat_statements: calls per normalised statement text). Tests use it to
 * pin what a request costs in round trips and transactions. It reads through the {@code postgres} database,
 * so its own queries are never counted against the service's.
 */
public final class StatementCounts implements AutoCloseable {

    private final Connection connection;
    private final String database;

    private StatementCounts(Connection connection, String database) {
        this.connection = connection;
        this.database = database;
    }

    /** Opens a counter for {@code database} of {@code postgres}, installing the view if it is missing. */
    public static StatementCounts of(LocalPostgres postgres, String database) {
        try {
            Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), LocalPostgres.USERNAME,
                    LocalPostgres.PASSWORD);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new StatementCounts(connection, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements of " + database, e);
        }
    }

    /** Forgets everything counted so far (in every database of the server). */
    public void reset() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset pg_stat_statements", e);
        }
    }

    /** Calls per normalised statement text in the database since the last {@link #reset()}. */
    public Calls read() {
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
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_statements of " + database, e);
        }
        return new Calls(calls);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the pg_stat_statements connection", e);
        }
    }

    /** What one database was sent: calls per statement text. */
    public record Calls(Map<String, Long> byStatement) {

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

        private long calls(String statement) {
            return byStatement.getOrDefault(statement, 0L);
        }

        /**
         * Fails unless {@code requests} requests cost at most {@code roundTrips} round trips and
         * {@code transactions} transactions each; the message lists every statement counted.
         */
        public void assertEachCostsAtMost(int requests, long roundTrips, long transactions) {
            if (roundTrips() > requests * roundTrips || transactions() > requests * transactions) {
                throw new AssertionError("%d requests cost %d round trips and %d transactions, at most %d and %d each "
                        .formatted(requests, roundTrips(), transactions(), roundTrips, transactions)
                        + "were allowed; calls per statement: " + byStatement);
            }
        }
    }
}
