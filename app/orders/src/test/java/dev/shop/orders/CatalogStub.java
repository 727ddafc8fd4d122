package dev.shop.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shop.localstack.ProviderContract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small catalog that implements the reservation contract of docs/architecture.md in memory:
 * all lines or none, idempotent by reference, 409/404 problems naming the sku, release gives stock
 * back once. It counts the calls it gets, can answer slowly, and can be stopped (its port then
 * refuses connections) and started again on the same port. It is pinned to catalog's committed OpenAPI
 * document ({@link ProviderContract}): a request catalog would not accept is answered 400, and an answer
 * that differs from what catalog documents becomes a 500 naming the difference, so the test fails.
 */
public final class CatalogStub {

    private record Product(String name, long priceMinor, int stock) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ProviderContract contract = ProviderContract.of("catalog");
    private final int port;
    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, Map<String, Object>> reservations = new HashMap<>();
    private final Set<String> released = new HashSet<>();
    private final Map<String, Integer> reserveCallsBySku = new HashMap<>();
    private final Map<String, Integer> releaseCallsByReference = new HashMap<>();
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;
    private ExecutorService executor;

    public CatalogStub(int port) {
        this.port = port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog stub cannot listen on " + port, e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "catalog-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/api/reservations", this::handle);
        server.start();
    }

    /** Closes the port: calls to catalog are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
    }

    /** Answers every request only after this long (to make the orders service time out). */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public synchronized void addProduct(String sku, String name, long priceMinor, int stock) {
        products.put(sku, new Product(name, priceMinor, stock));
    }

    public synchronized int stockOf(String sku) {
        return products.get(sku).stock();
    }

    /** How many reservation requests named this sku (replays included). */
    public synchronized int reserveCalls(String sku) {
        return reserveCallsBySku.getOrDefault(sku, 0);
    }

    public synchronized int releaseCalls(String reference) {
        return releaseCallsByReference.getOrDefault(reference, 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            String path = exchange.getRequestURI().getPath();
            byte[] request = exchange.getRequestBody().readAllBytes();
            List<String> refused = contract.checkRequest(exchange.getRequestMethod(), path,
                    new String(request, StandardCharsets.UTF_8));
            if (!refused.isEmpty()) {
                send(exchange, 400, Map.of("type", "about:blank", "title", "Bad Request", "status", 400,
                        "detail", String.join("; ", refused)));
            } else if ("POST".equals(exchange.getRequestMethod()) && "/api/reservations".equals(path)) {
                reserve(exchange, request);
            } else if ("DELETE".equals(exchange.getRequestMethod()) && path.startsWith("/api/reservations/")) {
                release(exchange, path.substring("/api/reservations/".length()));
            } else {
                exchange.sendResponseHeaders(405, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reserve(HttpExchange exchange, byte[] request) throws IOException {
        JsonNode body = json.readTree(request);
        String reference = body.get("reference").asText();
        List<JsonNode> lines = new ArrayList<>();
        body.get("lines").forEach(lines::add);
        int status;
        Object answer;
        synchronized (this) {
            lines.forEach(line -> reserveCallsBySku.merge(line.get("sku").asText(), 1, Integer::sum));
            if (reservations.containsKey(reference)) {
                status = 200;
                answer = reservations.get(reference);
            } else {
                String refused = null;
                int refusal = 0;
                for (JsonNode line : lines) {
                    Product product = products.get(line.get("sku").asText());
                    if (product == null) {
                        refused = line.get("sku").asText();
                        refusal = 404;
                        break;
                    }
                    if (product.stock() < line.get("quantity").asInt()) {
                        refused = line.get("sku").asText();
                        refusal = 409;
                        break;
                    }
                }
                if (refused != null) {
                    status = refusal;
                    answer = Map.of("type", "urn:shop:problem:stub", "title", "refused", "status", refusal,
                            "sku", refused);
                } else {
                    List<Map<String, Object>> priced = new ArrayList<>();
                    for (JsonNode line : lines) {
                        String sku = line.get("sku").asText();
                        int quantity = line.get("quantity").asInt();
                        Product product = products.get(sku);
                        products.put(sku, new Product(product.name(), product.priceMinor(), product.stock() - quantity));
                        priced.add(Map.of("sku", sku, "name", product.name(), "quantity", quantity,
                                "unitPrice", Map.of("amountMinor", product.priceMinor(), "currency", "EUR")));
                    }
                    Map<String, Object> reservation = new LinkedHashMap<>();
                    reservation.put("reference", reference);
                    reservation.put("lines", priced);
                    reservations.put(reference, reservation);
                    status = 201;
                    answer = reservation;
                }
            }
        }
        send(exchange, status, answer);
    }

    private void release(HttpExchange exchange, String reference) throws IOException {
        synchronized (this) {
            releaseCallsByReference.merge(reference, 1, Integer::sum);
            Map<String, Object> reservation = reservations.get(reference);
            if (reservation != null && released.add(reference)) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> lines = (List<Map<String, Object>>) reservation.get("lines");
                for (Map<String, Object> line : lines) {
                    String sku = (String) line.get("sku");
                    Product product = products.get(sku);
                    products.put(sku, new Product(product.name(), product.priceMinor(),
                            product.stock() + (Integer) line.get("quantity")));
                }
            }
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        List<String> differences = contract.checkResponse(exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), status, new String(bytes, StandardCharsets.UTF_8));
        if (!differences.isEmpty()) {
            status = 500;
            bytes = String.join("\n", differences).getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
