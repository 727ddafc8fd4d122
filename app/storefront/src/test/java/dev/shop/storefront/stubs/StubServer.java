package dev.shop.storefront.stubs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shop.localstack.ProviderContract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP server on loopback (JDK httpserver) that a test can stop and start again on the same
 * port, so the storefront sees a closed port in between: that is what "the service is down" looks like.
 * It is pinned to the provider it stands for: every request it gets and every answer it gives is checked
 * against the provider's committed OpenAPI document ({@link ProviderContract}); what differs is kept and
 * fails the next {@link #reset()}, and the answer itself becomes a 500 naming the difference.
 */
abstract class StubServer {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final int port;
    private final ProviderContract contract;
    private final List<String> contractViolations = new ArrayList<>();
    private HttpServer server;

    StubServer(int port, String provider) {
        this.port = port;
        this.contract = ProviderContract.of(provider);
    }

    /** Forgets the stub's state; fails when an answer since the last reset differed from the provider's contract. */
    public synchronized void reset() {
        List<String> found = List.copyOf(contractViolations);
        contractViolations.clear();
        if (!found.isEmpty()) {
            throw new AssertionError("the stub differed from its provider's contract: " + found);
        }
    }

    /** Answers one request; runs one at a time (the server has a single thread). */
    abstract void handle(HttpExchange exchange) throws IOException;

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("stub could not bind port " + port, e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] request = exchange.getRequestBody().readAllBytes();
                exchange.setStreams(new ByteArrayInputStream(request), null);
                violations(contract.checkRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        new String(request, StandardCharsets.UTF_8)));
                handle(exchange);
            }
        });
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private synchronized boolean violations(List<String> found) {
        contractViolations.addAll(found);
        return !found.isEmpty();
    }

    void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    void sendProblem(HttpExchange exchange, int status, String title) throws IOException {
        sendProblem(exchange, status, null, title);
    }

    /** A problem+json answer; {@code name} makes the type {@code urn:shop:problem:<name>}, null means about:blank. */
    void sendProblem(HttpExchange exchange, int status, String name, String title) throws IOException {
        sendProblem(exchange, status, name, title, Map.of());
    }

    /** A problem+json answer with extension members, such as the {@code sku} orders names in a refusal. */
    void sendProblem(HttpExchange exchange, int status, String name, String title, Map<String, Object> extensions)
            throws IOException {
        Map<String, Object> problem = new HashMap<>(extensions);
        problem.put("type", name == null ? "about:blank" : "urn:shop:problem:" + name);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", title);
        problem.put("instance", exchange.getRequestURI().getPath());
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        List<String> differences = contract.checkResponse(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                status, new String(body, StandardCharsets.UTF_8));
        if (violations(differences)) {
            status = 500;
            type = "text/plain";
            body = String.join("\n", differences).getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
