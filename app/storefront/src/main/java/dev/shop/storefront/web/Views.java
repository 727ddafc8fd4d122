package dev.shop.storefront.web;

import dev.shop.storefront.client.Product;
import dev.shop.storefront.service.CartService.CartContents;
import dev.shop.storefront.service.CartService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The data each page template renders. */
public final class Views {

    private Views() {
    }

    /** The product list: one page of results and the links to its neighbours. */
    public record ProductList(List<Product> products, String query, int pageNumber, int totalPages, long total) {

        public boolean hasPrevious() {
            return pageNumber > 1;
        }

        public boolean hasNext() {
            return pageNumber < totalPages;
        }

        public String previousHref() {
            return href(pageNumber - 1);
        }

        public String nextHref() {
            return href(pageNumber + 1);
        }

        public String firstHref() {
            return href(1);
        }

        public boolean searching() {
            return !query.isEmpty();
        }

        private String href(int page) {
            String search = query.isEmpty() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&";
            return "/?" + search + "page=" + page;
        }
    }

    /** A product page; {@code message} and {@code quantity} repeat a refused add-to-cart. */
    public record ProductDetail(Product product, int inCart, String message, String quantity) {

        public int maxQuantity() {
            return Math.max(1, Math.min(product.stock(), CartService.MAX_PER_LINE));
        }

        /** The cart holds more of this product than is left: the shopper should hear it before checkout. */
        public boolean inCartExceedsStock() {
            return inCart > Math.max(product.stock(), 0);
        }
    }

    /** The cart; {@code errorSku} marks the line whose refused change {@code message} explains. */
    public record Cart(CartContents contents, String message, String errorSku, String errorQuantity) {

        public static Cart of(CartContents contents) {
            return new Cart(contents, "", "", "");
        }

        public boolean hasError(String sku) {
            return sku.equals(errorSku);
        }

        /** What the quantity field of a line shows: the refused input on the line in error, else the quantity. */
        public String quantityValue(CartService.CartLine line) {
            return hasError(line.product().sku()) ? errorQuantity : Integer.toString(line.quantity());
        }

        /** A line over stock is flagged, unless a refused change on it already says the same thing louder. */
        public boolean warnAboutStock(CartService.CartLine line) {
            return line.exceedsStock() && !hasError(line.product().sku());
        }

        public boolean hasShortages() {
            return !contents.shortLines().isEmpty();
        }
    }

    /**
     * The checkout page: the cart, the idempotency key of this attempt, and why a previous one failed.
     * {@code stockRefused} says orders refused it for short stock; {@code shortSku} is the product it named.
     */
    public record Checkout(CartContents contents, String idempotencyKey, String message, boolean stockRefused,
                           String shortSku) {

        public static Checkout review(CartContents contents, String idempotencyKey, String message) {
            return new Checkout(contents, idempotencyKey, message, false, "");
        }

        public static Checkout refusedForStock(CartContents contents, String idempotencyKey, String shortSku) {
            return new Checkout(contents, idempotencyKey, "", true, shortSku == null ? "" : shortSku);
        }

        /** Lines over stock by catalog's count now; names and quantities are what the shopper has to fix. */
        public List<CartService.CartLine> shortages() {
            return contents.shortLines();
        }

        /** Before any attempt: lines over stock are flagged so the shopper can fix them first. */
        public boolean warnAboutStock() {
            return !stockRefused && message.isEmpty() && !shortages().isEmpty();
        }

        /** The product orders named, by name if the cart still has it. */
        public String shortProductName() {
            return contents.line(shortSku).map(line -> line.product().name()).orElse("a product in your cart");
        }
    }

    /** An error page; {@code offerCart} adds a way back to the cart where that is where the shopper was going. */
    public record ErrorInfo(int status, String heading, String message, boolean offerCart) {

        public ErrorInfo(int status, String heading, String message) {
            this(status, heading, message, false);
        }
    }
}
