package dev.shop.storefront.web;

import dev.shop.storefront.config.ShopConfig;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Sends the session cookie with every response that read the session, so its Max-Age slides along with the
 * Redis TTL, and keeps per-shopper pages out of caches.
 */
public class SessionCookieFilter {

    private final CurrentSession session;
    private final ShopConfig config;

    public SessionCookieFilter(CurrentSession session, ShopConfig config) {
        this.session = session;
        this.config = config;
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        session.loaded().ifPresent(shopper -> response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(shopper.id())));
        // Pages carry the shopper's cart and CSRF token: no shared or browser cache may keep them.
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private String cookie(String sessionId) {
        return CurrentSession.COOKIE + "=" + sessionId
                + "; Path=/"
                + "; Max-Age=" + config.session().ttl().toSeconds()
                + (config.session().cookieSecure() ? "; Secure" : "")
                + "; HttpOnly; SameSite=Lax";
    }
}
