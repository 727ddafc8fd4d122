package dev.shop.localstack;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Redis server from a Maven-provided binary (codemonstur embedded-redis), bound to loopback.
 * With a data folder it saves to disk (append-only file), so a cart survives a restart of Redis too.
 */
public final class LocalRedis implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private RedisServer server;

    private LocalRedis(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts Redis on {@code port} (0 picks a free one); {@code dataDir} may be null for an in-memory server. */
    public static LocalRedis start(Path dataDir, int port) {
        LocalRedis redis = new LocalRedis(dataDir, port == 0 ? FreePort.find() : port);
        redis.start();
        return redis;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            var builder = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setting("dir " + dataDir.toAbsolutePath())
                        .setting("appendonly yes");
            }
            server = builder.build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not stop", e);
        } finally {
            server = null;
        }
    }

    public int port() {
        return port;
    }

    /** The value for {@code quarkus.redis.hosts}. */
    public String hostsUrl() {
        return hostsUrl(port);
    }

    /** The value for {@code quarkus.redis.hosts} reaching Redis on {@code port} of loopback (or a proxy there). */
    public static String hostsUrl(int port) {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
