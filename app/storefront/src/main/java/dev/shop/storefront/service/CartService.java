package dev.shop.storefront.service;

import dev.shop.storefront.client.CatalogGateway;
import dev.shop.storefront.client.Money;
import dev.shop.storefront.client.Product;
import dev.shop.storefront.model.ShopperSession;
import dev.shop.storefront.repository.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of a cart: how much of a product a shopper may hold, and what the cart is worth now. */
@ApplicationScoped
public class CartService {

    public static final int MAX_PER_LINE = 99;

    /** A cart line with the product as catalog describes it right now (price and stock may have changed). */
    public record CartLine(Product product, int quantity) {
        public String name() {
            return product.name();
        }

        /** The price catalog asks now. */
        public Money unitPrice() {
            return product.price();
        }

        public Money lineTotal() {
            return product.price().times(quantity);
        }

        /** How many catalog has now; never negative. */
        public int available() {
            return Math.max(product.stock(), 0);
        }

        /** Stock fell below the quantity since it was added: orders would refuse this line as it is. */
        public boolean exceedsStock() {
            return quantity > available();
        }
    }

    /** The cart priced from catalog; skus catalog no longer knows are listed apart. */
    public record CartContents(List<CartLine> lines, List<String> unavailableSkus) {

        public boolean isEmpty() {
            return lines.isEmpty();
        }

        public int itemCount() {
            return lines.stream().mapToInt(CartLine::quantity).sum();
        }

        /** The lines holding more than catalog has in stock now, in cart order. */
        public List<CartLine> shortLines() {
            return lines.stream().filter(CartLine::exceedsStock).toList();
        }

        /** The line of a product; orders names skus in upper case, so the match ignores case. */
        public Optional<CartLine> line(String sku) {
            return lines.stream().filter(line -> line.product().sku().equalsIgnoreCase(sku)).findFirst();
        }

        /** The sum of the lines; null for an empty cart, whose currency is unknown. */
        public Money total() {
            return lines.stream().map(CartLine::lineTotal).reduce(Money::plus).orElse(null);
        }
    }

    private final SessionStore sessions;
    private final CatalogGateway catalog;

    public CartService(SessionStore sessions, CatalogGateway catalog) {
        this.sessions = sessions;
        this.catalog = catalog;
    }

    /** Adds {@code quantity} of a product; returns why not, in the shopper's words, when it cannot. */
    public Optional<String> add(ShopperSession session, Product product, int quantity) {
        int inCart = session.quantityOf(product.sku());
        Optional<String> refusal = refusal(product, inCart + quantity, inCart);
        if (refusal.isEmpty()) {
            sessions.addToCart(session.id(), product.sku(), quantity);
        }
        return refusal;
    }

    /** Sets the quantity of a line already in the cart; returns why not when it cannot. */
    public Optional<String> change(ShopperSession session, Product product, int quantity) {
        Optional<String> refusal = refusal(product, quantity, 0);
        if (refusal.isEmpty()) {
            sessions.setQuantity(session.id(), product.sku(), quantity);
        }
        return refusal;
    }

    public void remove(ShopperSession session, String sku) {
        sessions.removeFromCart(session.id(), sku);
    }

    public CartContents contents(ShopperSession session) {
        List<CartLine> lines = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (Map.Entry<String, Integer> item : session.cart().entrySet()) {
            catalog.findBySku(item.getKey()).ifPresentOrElse(
                    product -> lines.add(new CartLine(product, item.getValue())),
                    () -> unavailable.add(item.getKey()));
        }
        lines.sort(Comparator.comparing((CartLine line) -> line.product().name()).thenComparing(line -> line.product().sku()));
        unavailable.sort(Comparator.naturalOrder());
        return new CartContents(List.copyOf(lines), List.copyOf(unavailable));
    }

    private static Optional<String> refusal(Product product, int wanted, int alreadyInCart) {
        if (!product.inStock()) {
            return Optional.of("Sorry, " + product.name() + " is out of stock.");
        }
        if (wanted > product.stock()) {
            String held = alreadyInCart > 0 ? " You already have " + alreadyInCart + " in your cart." : "";
            return Optional.of("Sorry, we only have " + product.stock() + " of " + product.name() + " in stock." + held);
        }
        if (wanted > MAX_PER_LINE) {
            return Optional.of("You can buy at most " + MAX_PER_LINE + " of one product per order.");
        }
        return Optional.empty();
    }
}
