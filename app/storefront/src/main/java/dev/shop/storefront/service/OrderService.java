package dev.shop.storefront.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.storefront.client.OrderRequest;
import dev.shop.storefront.client.OrdersClient;
import dev.shop.storefront.model.Order;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Places and reads a shopper's orders through the orders service. */
@ApplicationScoped
public class OrderService {

    /** Why orders refused a checkout, in terms a page can explain. */
    public enum Refusal {
        /** catalog has less stock than the cart asks for. */
        OUT_OF_STOCK,
        /** a product in the cart is no longer sold. */
        UNKNOWN_PRODUCT,
        /** the idempotency key was used with another cart: the cart changed after the checkout page. */
        CART_CHANGED,
        /** any other refusal of the order as a whole (for example products priced in different currencies). */
        REJECTED
    }

    /**
     * The outcome of a checkout: an order, or a refusal the shopper can act on. {@code sku} is the product orders
     * named in its problem (short stock, unknown product), or empty.
     */
    public record Placement(Order order, Refusal refusal, String sku) {

        static Placement placed(Order order) {
            return new Placement(order, null, "");
        }

        static Placement refused(Refusal refusal, String sku) {
            return new Placement(null, refusal, sku);
        }
    }

    /** orders answers 409 "checkout-in-progress" while the first of two simultaneous submits runs. */
    private static final int IN_PROGRESS_ATTEMPTS = 4;
    private static final long MAX_RETRY_WAIT_MILLIS = 1000;

    private final OrdersClient orders;
    private final ObjectMapper json;

    public OrderService(@RestClient OrdersClient orders, ObjectMapper json) {
        this.orders = orders;
        this.json = json;
    }

    public static boolean isOrderId(String id) {
        try {
            return id != null && UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Places the cart as an order. The same key and cart always yield the same order, so a second submit
     * that finds the first still running waits for it (orders' Retry-After, at most a second) and asks again.
     */
    public Placement place(String idempotencyKey, String customerId, Map<String, Integer> cart) {
        List<OrderRequest.Line> lines = cart.entrySet().stream()
                .map(item -> new OrderRequest.Line(item.getKey(), item.getValue()))
                .sorted(Comparator.comparing(OrderRequest.Line::sku))
                .toList();
        for (int attempt = 1; ; attempt++) {
            try {
                Order order = orders.place(idempotencyKey, customerId, new OrderRequest(lines));
                Log.debugf("order %s placed for customer %s", order.id(), customerId);
                return Placement.placed(order);
            } catch (WebApplicationException e) {
                Response response = e.getResponse();
                JsonNode problem = problem(response);
                String type = problem.path("type").asText("");
                if (type.endsWith("checkout-in-progress") && attempt < IN_PROGRESS_ATTEMPTS) {
                    pause(response);
                    continue;
                }
                Refusal refusal = refusal(response.getStatus(), type);
                if (refusal == null) {
                    throw unavailable(e);
                }
                Log.debugf("orders refused checkout %s: %d %s", idempotencyKey, response.getStatus(), type);
                return Placement.refused(refusal, problem.path("sku").asText(""));
            } catch (ProcessingException e) {
                throw unavailable(e);
            }
        }
    }

    /** Problem types as orders sends them ({@code urn:shop:problem:<name>}); the status alone when there is none. */
    private static Refusal refusal(int status, String type) {
        if (type.endsWith("insufficient-stock")) {
            return Refusal.OUT_OF_STOCK;
        }
        if (type.endsWith("unknown-sku")) {
            return Refusal.UNKNOWN_PRODUCT;
        }
        if (type.endsWith("idempotency-key-reused")) {
            return Refusal.CART_CHANGED;
        }
        return switch (status) {
            case 409 -> Refusal.OUT_OF_STOCK;
            case 404 -> Refusal.UNKNOWN_PRODUCT;
            case 422 -> Refusal.REJECTED;
            default -> null;
        };
    }

    /** The problem+json body of a refusal; an empty object when there is none or it is not JSON. */
    private JsonNode problem(Response response) {
        try {
            response.bufferEntity();
            JsonNode problem = json.readTree(response.readEntity(String.class));
            return problem != null && problem.isObject() ? problem : json.createObjectNode();
        } catch (RuntimeException | IOException e) {
            return json.createObjectNode();
        }
    }

    private static void pause(Response response) {
        long wait = MAX_RETRY_WAIT_MILLIS;
        try {
            wait = Math.min(wait, Long.parseLong(response.getHeaderString("Retry-After").trim()) * 1000);
        } catch (RuntimeException e) {
            // no usable Retry-After: wait the maximum
        }
        try {
            Thread.sleep(Math.max(wait, 50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownstreamUnavailableException("orders", e);
        }
    }

    public Optional<Order> find(String orderId, String customerId) {
        if (!isOrderId(orderId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(orders.get(orderId, customerId));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    public List<Order> listFor(String customerId) {
        JsonNode body;
        try {
            body = orders.list(customerId);
        } catch (WebApplicationException | ProcessingException e) {
            throw unavailable(e);
        }
        JsonNode items = body != null && body.isObject() ? body.path("items") : body;
        List<Order> result = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                result.add(json.convertValue(item, Order.class));
            }
        }
        return result;
    }

    private static DownstreamUnavailableException unavailable(RuntimeException e) {
        Log.warnf("orders call failed: %s", e.toString());
        return new DownstreamUnavailableException("orders", e);
    }
}
