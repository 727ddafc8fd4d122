package dev.shop.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The base of the services' HTTP fakes: a small server on loopback (JDK httpserver) that a test can stop and start
 * again on the same port, so the caller sees a closed port in between: that is what "the service is down" looks like.
 * It is pinned to the provider it stands for: every request it gets and every answer it gives is checked against the
 * provider's committed OpenAPI document ({@link ProviderContract}). A request the provider would refuse is answered
 * 400, an answer that differs becomes a 500 naming the difference, and both are kept to fail {@link #reset()}.
 */
public abstract class ContractStub {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String provider;
    private final ProviderContract contract;
    private final List<String> contractViolations = new ArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    protected ContractStub(int port, String provider) {
        this.port = port;
        this.provider = provider;
        this.contract = ProviderContract.of(provider);
    }

    /** Answers one request the contract allows; the request body can be read again from the exchange. */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** Forgets what the stub saw; fails when a request or answer since the last reset differed from the contract. */
    public synchronized void reset() {
        List<String> found = List.copyOf(contractViolations);
        contractViolations.clear();
        if (!found.isEmpty()) {
            throw new AssertionError("the " + provider + " stub differed from its provider's contract: " + found);
        }
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(provider + " stub cannot listen on " + port, e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, provider + "-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Closes the port: calls are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            exchange.setStreams(new ByteArrayInputStream(request), null);
            List<String> refused = contract.checkRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    new String(request, StandardCharsets.UTF_8));
            if (refused.isEmpty()) {
                handle(exchange);
            } else {
                violations(refused);
                send(exchange, 400, "text/plain", String.join("; ", refused).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private synchronized boolean violations(List<String> found) {
        contractViolations.addAll(found);
        return !found.isEmpty();
    }

    protected void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        checkedSend(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    /** A problem+json answer; {@code name} makes the type {@code urn:shop:problem:<name>}, null means about:blank. */
    protected void sendProblem(HttpExchange exchange, int status, String name, String title) throws IOException {
        sendProblem(exchange, status, name, title, Map.of());
    }

    /** A problem+json answer with extension members, such as the {@code sku} a refusal names. */
    protected void sendProblem(HttpExchange exchange, int status, String name, String title,
                               Map<String, Object> extensions) throws IOException {
        Map<String, Object> problem = new HashMap<>(extensions);
        problem.put("type", name == null ? "about:blank" : "urn:shop:problem:" + name);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", title);
        problem.put("instance", exchange.getRequestURI().getPath());
        checkedSend(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private void checkedSend(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        List<String> differences = contract.checkResponse(exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), status, new String(body, StandardCharsets.UTF_8));
        if (violations(differences)) {
            send(exchange, 500, "text/plain", String.join("\n", differences).getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, status, type, body);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    /** The query parameters of a request, decoded. */
    protected static Map<String, String> query(URI uri) {
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
