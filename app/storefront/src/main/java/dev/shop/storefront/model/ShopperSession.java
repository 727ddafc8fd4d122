package dev.shop.storefront.model;

import java.util.Map;
import java.util.Optional;

/**
 * A shopper's session as stored in Redis: who they are to orders, their CSRF token, their cart
 * (sku to quantity) and the orders their checkouts created (idempotency key to order id).
 */
public record ShopperSession(String id, String customerId, String csrfToken, Map<String, Integer> cart,
                             Map<String, String> checkouts) {

    public ShopperSession {
        cart = Map.copyOf(cart);
        checkouts = Map.copyOf(checkouts);
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
}
