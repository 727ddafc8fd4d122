package dev.shop.storefront.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.shop.localstack.ContractStub;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * orders' API as docs/architecture.md describes it: idempotent by {@code Idempotency-Key}, each order
 * visible only to its {@code X-Customer-Id}, stock reserved from the catalog stub. Refusals carry the
 * problem types app/orders sends ({@code urn:shop:problem:insufficient-stock}, {@code unknown-sku}, ...).
 */
public class OrdersStub extends ContractStub {

    /** What the storefront sent with one POST /api/orders. */
    public record Received(String idempotencyKey, String customerId, JsonNode body) {
    }

    private record Placed(String customerId, JsonNode body, Map<String, Object> order) {
    }

    private final CatalogStub catalog;
    private final Map<String, Placed> byKey = new LinkedHashMap<>();
    private final List<Received> received = new ArrayList<>();
    private int inProgressAnswers;
    private String shortSkuOnce;
    private boolean keyReusedOnce;
    private int bareStatusOnce;

    public OrdersStub(int port, CatalogStub catalog) {
        super(port, "orders");
        this.catalog = catalog;
    }

    @Override
    public synchronized void reset() {
        super.reset();
        byKey.clear();
        received.clear();
        inProgressAnswers = 0;
        shortSkuOnce = null;
        keyReusedOnce = false;
        bareStatusOnce = 0;
    }

    /** Refuse the next checkout as a reused key that placed no order (a problem without {@code orderId}). */
    public synchronized void refuseNextAsKeyReused() {
        keyReusedOnce = true;
    }

    /** Answer the next checkout with this status and no problem type, as a proxy or a wrong URL would. */
    public synchronized void answerNextWith(int status) {
        bareStatusOnce = status;
    }

    /**
     * Refuse the next new order for short stock of {@code sku} whatever catalog's stock says: the race in which
     * stock ran out at orders and came back before the storefront looked again.
     */
    public synchronized void refuseNextForStock(String sku) {
        shortSkuOnce = sku;
    }

    /**
     * Answer the next {@code count} repeats of a known key with 409 checkout-in-progress, as orders does when the
     * checkout with the key has not finished within its answer time.
     */
    public synchronized void answerInProgress(int count) {
        inProgressAnswers = count;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized int ordersCreated() {
        return byKey.size();
    }

    @Override
    protected synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String customer = exchange.getRequestHeaders().getFirst("X-Customer-Id");
        String method = exchange.getRequestMethod();
        if (customer == null || customer.isBlank()) {
            sendProblem(exchange, 400, null, "X-Customer-Id is required");
        } else if (path.equals("/api/orders") && method.equals("POST")) {
            place(exchange, customer);
        } else if (path.equals("/api/orders") && method.equals("GET")) {
            List<Map<String, Object>> mine = new ArrayList<>();
            byKey.values().stream().filter(placed -> placed.customerId.equals(customer))
                    .forEach(placed -> mine.add(0, placed.order));
            sendJson(exchange, 200, mine);
        } else if (path.startsWith("/api/orders/") && method.equals("GET")) {
            String id = path.substring("/api/orders/".length());
            Placed found = byKey.values().stream()
                    .filter(placed -> placed.order.get("id").equals(id) && placed.customerId.equals(customer))
                    .findFirst().orElse(null);
            if (found == null) {
                sendProblem(exchange, 404, "order-not-found", "Order not found");
            } else {
                sendJson(exchange, 200, found.order);
            }
        } else {
            sendProblem(exchange, 404, null, "Not Found");
        }
    }

    private void place(HttpExchange exchange, String customer) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        received.add(new Received(key, customer, body));
        if (key == null || key.isBlank()) {
            sendProblem(exchange, 400, null, "Idempotency-Key is required");
            return;
        }
        if (bareStatusOnce != 0) {
            sendProblem(exchange, bareStatusOnce, null, "Not Found");
            bareStatusOnce = 0;
            return;
        }
        if (keyReusedOnce) {
            keyReusedOnce = false;
            sendProblem(exchange, 422, "idempotency-key-reused", "Idempotency-Key reused");
            return;
        }
        Placed earlier = byKey.get(key);
        if (earlier != null && inProgressAnswers > 0) {
            inProgressAnswers--;
            exchange.getResponseHeaders().set("Retry-After", "1");
            sendProblem(exchange, 409, "checkout-in-progress", "Checkout in progress");
            return;
        }
        if (earlier != null) {
            if (earlier.body.equals(body) && earlier.customerId.equals(customer)) {
                sendJson(exchange, 200, earlier.order);
            } else {
                sendProblem(exchange, 422, "idempotency-key-reused", "Idempotency-Key reused",
                        Map.of("orderId", earlier.order.get("id")));
            }
            return;
        }
        if (shortSkuOnce != null) {
            sendProblem(exchange, 409, "insufficient-stock", "Insufficient stock", Map.of("sku", shortSkuOnce));
            shortSkuOnce = null;
            return;
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        long total = 0;
        for (JsonNode line : body.path("lines")) {
            CatalogStub.StubProduct product = catalog.product(line.path("sku").asText());
            int quantity = line.path("quantity").asInt();
            // orders names the sku in upper case, as it stores it
            Map<String, Object> named = Map.of("sku", line.path("sku").asText().toUpperCase(Locale.ROOT));
            if (product == null) {
                sendProblem(exchange, 422, "unknown-sku", "Unknown product", named);
                return;
            }
            if (product.stock < quantity) {
                sendProblem(exchange, 409, "insufficient-stock", "Insufficient stock", named);
                return;
            }
            lines.add(Map.of("sku", product.sku, "name", product.name, "quantity", quantity,
                    "unitPrice", Map.of("amountMinor", product.priceMinor, "currency", "EUR")));
            total += product.priceMinor * quantity;
        }
        for (JsonNode line : body.path("lines")) {
            CatalogStub.StubProduct product = catalog.product(line.path("sku").asText());
            catalog.setStock(product.sku, product.stock - line.path("quantity").asInt());
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", UUID.randomUUID().toString());
        order.put("status", "CONFIRMED");
        order.put("lines", lines);
        order.put("total", Map.of("amountMinor", total, "currency", "EUR"));
        order.put("createdAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        byKey.put(key, new Placed(customer, body, order));
        sendJson(exchange, 201, order);
    }
}
