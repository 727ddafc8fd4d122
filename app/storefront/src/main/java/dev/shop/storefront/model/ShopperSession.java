package dev.shop.storefront.model;

import java.util.Map;
import java.util.Optional;

/**
 * A shopper's session as stored in Redis: who they are to orders, their CSRF token, their cart
 * (sku to quantity), the orders their checkouts created (idempotency key to order id) and the key of a
 * checkout whose outcome is not known yet ({@code pendingCheckout}, empty when none).
 */
public record ShopperSession(String id, String customerId, String csrfToken, Map<String, Integer> cart,
                             Map<String, String> checkouts, String pendingCheckout) {

    public ShopperSession {
        cart = Map.copyOf(cart);
        checkouts = Map.copyOf(checkouts);
        pendingCheckout = pendingCheckout == null ? "" : pendingCheckout;
    }

    public int itemCount() {
        return cart.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int quantityOf(String sku) {
        return cart.getOrDefault(sku, 0);
    }

    public Optional<String> orderPlacedWith(String idempotencyKey) {
        return Optional.ofNullable(checkouts.get(idempotencyKey));
    }

    /** The key of a checkout that may still go through: the next attempt must reuse it, or it could order twice. */
    public Optional<String> pendingCheckoutKey() {
        return pendingCheckout.isEmpty() ? Optional.empty() : Optional.of(pendingCheckout);
    }
}
