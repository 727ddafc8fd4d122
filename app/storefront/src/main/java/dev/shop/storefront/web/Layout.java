package dev.shop.storefront.web;

import dev.shop.storefront.config.ShopConfig;
import dev.shop.storefront.model.ShopperSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the {@link PageContext} of a page. */
@ApplicationScoped
public class Layout {

    private final ShopConfig config;

    public Layout(ShopConfig config) {
        this.config = config;
    }

    public PageContext page(ShopperSession session, String section) {
        return page(session, section, "");
    }

    public PageContext page(ShopperSession session, String section, String query) {
        return new PageContext(config.name(), session.itemCount(), session.csrfToken(), query == null ? "" : query, section);
    }

    /** For error pages: the cart count only if the session was already read (Redis may be the problem). */
    public PageContext errorPage(CurrentSession current) {
        return current.loaded()
                .map(session -> page(session, "error"))
                .orElseGet(() -> new PageContext(config.name(), -1, "", "", "error"));
    }
}
