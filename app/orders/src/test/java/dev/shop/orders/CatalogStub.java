package dev.shop.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.shop.localstack.ContractStub;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small catalog that implements the reservation contract of docs/architecture.md in memory:
 * all lines or none, idempotent by reference, 409/404 problems naming the sku, release gives stock
 * back once. It counts the calls it gets and can answer slowly; {@link ContractStub} pins it to catalog's
 * committed OpenAPI document and lets a test stop and start it.
 */
public final class CatalogStub extends ContractStub {

    private record Product(String name, long priceMinor, int stock) {
    }

    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, Map<String, Object>> reservations = new HashMap<>();
    private final Set<String> released = new HashSet<>();
    private final Map<String, Integer> reserveCallsBySku = new HashMap<>();
    private final Map<String, Integer> releaseCallsByReference = new HashMap<>();
    private volatile Duration delay = Duration.ZERO;

    public CatalogStub(int port) {
        super(port, "catalog");
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

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && "/api/reservations".equals(path)) {
            reserve(exchange, exchange.getRequestBody().readAllBytes());
        } else if ("DELETE".equals(exchange.getRequestMethod()) && path.startsWith("/api/reservations/")) {
            release(exchange, path.substring("/api/reservations/".length()));
        } else {
            exchange.sendResponseHeaders(405, -1);
        }
    }

    private void reserve(HttpExchange exchange, byte[] request) throws IOException {
        JsonNode body = JSON.readTree(request);
        String reference = body.get("reference").asText();
        List<JsonNode> lines = new ArrayList<>();
        body.get("lines").forEach(lines::add);
        int status;
        Map<String, Object> answer;
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
                    answer = Map.of("sku", refused);
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
        if (status >= 400) {
            sendProblem(exchange, status, "stub", "refused", answer);
        } else {
            sendJson(exchange, status, answer);
        }
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
}
