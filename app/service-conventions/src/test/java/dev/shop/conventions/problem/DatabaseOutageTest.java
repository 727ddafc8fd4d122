package dev.shop.conventions.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void connectionStatesAnywhereInTheCausesAreAnOutage() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("wrapped",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("refused", "08001"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("too many clients", "53300"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLTransientConnectionException("gone"))).isTrue();
    }

    @Test
    void thePoolsStatelessAcquisitionTimeoutIsAnOutageAndAnyOtherStatelessErrorIsNot() {
        SQLException fromPool = new SQLException("Sorry, acquisition timeout!");
        fromPool.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.agroal.pool.ConnectionPool", "getConnection", "ConnectionPool.java", 1)});
        assertThat(DatabaseOutage.causedBy(new RuntimeException("Unable to acquire JDBC Connection", fromPool))).isTrue();

        // the same words from anywhere else are not a reason: only the origin and the state count
        assertThat(DatabaseOutage.causedBy(new SQLException("Sorry, acquisition timeout!"))).isFalse();
    }

    @Test
    void bugsAndRefusalsAreNoOutage() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
