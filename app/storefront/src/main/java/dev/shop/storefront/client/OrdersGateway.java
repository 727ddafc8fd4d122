package dev.shop.storefront.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.storefront.client.DownstreamUnavailableException.Downstream;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Places and reads a shopper's orders through the orders service. */
@ApplicationScoped
public class OrdersGateway {

    /** Problem types as orders sends them (app/orders service/Failures, answered by the shared ProblemMappers). */
    static final String PROBLEM_PREFIX = "urn:shop:problem:";

    /** The refusals orders documents: the checkout is known to have failed and the key is free again. */
    private static final Map<String, Refusal> REFUSALS = Map.of(
            PROBLEM_PREFIX + "insufficient-stock", Refusal.OUT_OF_STOCK,
            PROBLEM_PREFIX + "unknown-sku", Refusal.UNKNOWN_PRODUCT,
            PROBLEM_PREFIX + "idempotency-key-reused", Refusal.CART_CHANGED,
            PROBLEM_PREFIX + "mixed-currencies", Refusal.REJECTED,
            PROBLEM_PREFIX + "duplicate-line", Refusal.REJECTED);

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
     * The outcome of a checkout: the order placed with the key, a refusal the shopper can act on ({@code sku} is
     * the product orders named, or empty), or neither: not known yet (orders is still at it, too slow or away), and
     * the next attempt must reuse the key. {@code ofEarlierCart}: the key had placed its order with the cart
     * as it was then, which the shopper has changed since.
     */
    public record Placement(String orderId, Refusal refusal, String sku, boolean ofEarlierCart) {

        static Placement placed(String orderId) {
            return new Placement(orderId, null, "", false);
        }

        static Placement placedWithEarlierCart(String orderId) {
            return new Placement(orderId, null, "", true);
        }

        static Placement refused(Refusal refusal, String sku) {
            return new Placement("", refusal, sku, false);
        }

        static Placement notKnownYet() {
            return new Placement("", null, "", false);
        }

        public boolean isPlaced() {
            return !orderId.isEmpty();
        }

        public boolean isKnown() {
            return isPlaced() || refusal != null;
        }
    }

    private final OrdersClient orders;
    private final ObjectMapper json;

    public OrdersGateway(@RestClient OrdersClient orders, ObjectMapper json) {
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
     * Places the cart as an order, once per key: orders answers within its own budget (a checkout still running
     * then is "in progress"), and a repeat of the key gets the same order. Only a problem type orders documents
     * is a refusal; every other answer, a timeout or no answer leaves the outcome unknown, never a guessed reason.
     */
    public Placement place(String idempotencyKey, String customerId, Map<String, Integer> cart) {
        List<OrderRequest.Line> lines = cart.entrySet().stream()
                .map(item -> new OrderRequest.Line(item.getKey(), item.getValue()))
                .sorted(Comparator.comparing(OrderRequest.Line::sku))
                .toList();
        try {
            Order order = orders.place(idempotencyKey, customerId, new OrderRequest(lines));
            Log.debugf("order %s placed for customer %s", order.id(), customerId);
            return Placement.placed(order.id());
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            JsonNode problem = problem(response);
            String type = problem.path("type").asText("");
            String earlierOrder = problem.path("orderId").asText("");
            if (type.equals(PROBLEM_PREFIX + "idempotency-key-reused") && isOrderId(earlierOrder)) {
                Log.debugf("checkout %s had already placed order %s", idempotencyKey, earlierOrder);
                return Placement.placedWithEarlierCart(earlierOrder);
            }
            Refusal refusal = REFUSALS.get(type);
            if (refusal == null) {
                Log.warnf("checkout %s not known yet: orders answered %d %s", idempotencyKey, response.getStatus(),
                        type);
                return Placement.notKnownYet();
            }
            Log.debugf("orders refused checkout %s: %d %s", idempotencyKey, response.getStatus(), type);
            return Placement.refused(refusal, problem.path("sku").asText(""));
        } catch (ProcessingException e) {
            Log.warnf("checkout %s not known yet: %s", idempotencyKey, e.toString());
            return Placement.notKnownYet();
        }
    }

    /** The problem+json body of an error answer; an empty object when there is none or it is not JSON. */
    private JsonNode problem(Response response) {
        try {
            response.bufferEntity();
            JsonNode problem = json.readTree(response.readEntity(String.class));
            return problem != null && problem.isObject() ? problem : json.createObjectNode();
        } catch (RuntimeException | IOException e) {
            return json.createObjectNode();
        }
    }

    public Optional<Order> find(String orderId, String customerId) {
        if (!isOrderId(orderId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(orders.get(orderId, customerId));
        } catch (WebApplicationException e) {
            if (problem(e.getResponse()).path("type").asText("").equals(PROBLEM_PREFIX + "order-not-found")) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    public List<Order> listFor(String customerId) {
        try {
            return orders.list(customerId);
        } catch (WebApplicationException | ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static DownstreamUnavailableException unavailable(RuntimeException e) {
        Log.warnf("orders call failed: %s", e.toString());
        return new DownstreamUnavailableException(Downstream.ORDERS, e);
    }
}
