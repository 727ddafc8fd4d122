package dev.shop.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Stands in for the cluster's Tempo on one machine: an OTLP/HTTP endpoint that answers every trace export
 * with 200 and keeps the latest request bodies per service, so the services export as they do in a cluster
 * (nothing fails, nothing is logged) and tests can look at what each one sent.
 */
public final class TraceReceiver implements AutoCloseable {

    private static final String TRACES_PATH = "/v1/traces";
    /** A local run goes on for hours: older exports are dropped. */
    private static final int KEPT_PER_SERVICE = 500;

    private final HttpServer server;
    private final Map<String, Deque<byte[]>> exports = new HashMap<>();

    private TraceReceiver(HttpServer server) {
        this.server = server;
    }

    public static TraceReceiver start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the trace receiver", e);
        }
        TraceReceiver receiver = new TraceReceiver(server);
        server.createContext("/", receiver::receive);
        server.start();
        return receiver;
    }

    /** The base endpoint for {@code service}; the exporter appends {@value #TRACES_PATH}. */
    public String endpointFor(String service) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + service;
    }

    /** The OTLP request bodies (protobuf, uncompressed) {@code service} has exported, oldest first. */
    public synchronized List<byte[]> exportsOf(String service) {
        return List.copyOf(exports.getOrDefault(service, new ArrayDeque<>()));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith(TRACES_PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = body(exchange);
            keep(path.substring(1, path.length() - TRACES_PATH.length()), body);
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private synchronized void keep(String service, byte[] body) {
        Deque<byte[]> kept = exports.computeIfAbsent(service, created -> new ArrayDeque<>());
        kept.addLast(body);
        if (kept.size() > KEPT_PER_SERVICE) {
            kept.removeFirst();
        }
    }
}
