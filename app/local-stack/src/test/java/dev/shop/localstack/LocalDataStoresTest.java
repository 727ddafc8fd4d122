package dev.shop.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class LocalDataStoresTest {

    @Test
    void postgresKeepsDataAcrossARestartOnTheSamePort(@TempDir Path dir) throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(dir.resolve("pg"), 0, List.of("catalog", "orders"))) {
            String url = postgres.jdbcUrl("catalog");
            execute(url, "CREATE TABLE note (text varchar(20))", "INSERT INTO note VALUES ('kept')");

            postgres.stop();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close()).isInstanceOf(Exception.class);

            postgres.start();
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USERNAME, LocalPostgres.PASSWORD);
                 ResultSet rs = c.createStatement().executeQuery("SELECT text FROM note")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("orders"), "postgres", "postgres")) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void redisAnswersPingAndStops(@TempDir Path dir) throws Exception {
        LocalRedis redis = LocalRedis.start(dir.resolve("redis"), 0);
        try {
            assertThat(ping(redis.port())).isEqualTo("+PONG");
        } finally {
            redis.stop();
        }
        assertThatThrownBy(() -> ping(redis.port())).isInstanceOf(Exception.class);
    }

    private static void execute(String url, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, LocalPostgres.USERNAME, LocalPostgres.PASSWORD);
             Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static String ping(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
