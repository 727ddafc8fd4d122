package dev.shop.storefront.web;

import dev.shop.storefront.model.ShopperSession;
import dev.shop.storefront.repository.SessionStore;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shopper's session for this request, read from Redis on first use (never kept between requests).
 * A request without a live session gets a new one; {@link SessionCookieFilter} sends the cookie.
 */
@RequestScoped
public class CurrentSession {

    public static final String COOKIE = "shop_session";

    private final SessionStore store;
    private final HttpServerRequest request;
    private ShopperSession session;
    private boolean created;

    public CurrentSession(SessionStore store, HttpServerRequest request) {
        this.store = store;
        this.request = request;
    }

    public ShopperSession get() {
        if (session == null) {
            Cookie cookie = request.getCookie(COOKIE);
            session = Optional.ofNullable(cookie)
                    .flatMap(value -> store.find(value.getValue()))
                    .orElse(null);
            if (session == null) {
                session = store.create();
                created = true;
            }
        }
        return session;
    }

    /** The session if this request already read it: error pages use it without touching Redis again. */
    public Optional<ShopperSession> loaded() {
        return Optional.ofNullable(session);
    }

    /**
     * The session, if the form's token is the session's CSRF token. A fresh session never matches, so a
     * form posted after the session expired is refused too (and the shopper gets a new session to retry).
     */
    public ShopperSession requireCsrfToken(String formToken) {
        ShopperSession current = get();
        if (formToken == null || created || !MessageDigest.isEqual(
                formToken.getBytes(StandardCharsets.UTF_8), current.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ShopperFacingException(403, "Please try that again",
                    "This form had expired or did not come from our shop, so we did not act on it. "
                            + "Go back, reload the page and submit it again.");
        }
        return current;
    }
}
