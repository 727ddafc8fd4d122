package dev.shop.storefront.web;

import dev.shop.storefront.model.Product;
import dev.shop.storefront.service.CartService;
import dev.shop.storefront.service.CartService.CartContents;

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
    }

    /** The checkout page: the cart, the idempotency key of this attempt, and why a previous one failed. */
    public record Checkout(CartContents contents, String idempotencyKey, String message) {
    }

    /** An error page. */
    public record ErrorInfo(int status, String heading, String message) {
    }
}
