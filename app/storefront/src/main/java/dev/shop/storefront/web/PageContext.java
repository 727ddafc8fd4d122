package dev.shop.storefront.web;

/**
 * What the page layout needs on every page: the shop's name, the cart count for the header
 * ({@code -1} when unknown, as on an error page while Redis is down), the CSRF token for forms,
 * the search text to keep in the search box, and which navigation entry is current.
 */
public record PageContext(String shopName, int cartCount, String csrfToken, String query, String section) {

    public boolean cartCountKnown() {
        return cartCount >= 0;
    }

    public boolean isSection(String name) {
        return name.equals(section);
    }
}
