package dev.shop.storefront.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.storefront.config.ShopConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers a request whose declared body exceeds {@code quarkus.http.limits.max-body-size} with a 413 page.
 * Quarkus refuses such bodies itself, but with an empty response; this route runs just before its check
 * (order -2) so the shopper reads why. Bodies without a length are still cut off by Quarkus' own limit.
 */
@ApplicationScoped
public class OversizedRequestGuard {

    static final String HEADING = "That was too much";
    static final String MESSAGE = "What you sent was larger than we accept. Please go back and try again with less.";

    private final long maxBodySize;
    private final ShopConfig config;
    private final ObjectMapper json;

    public OversizedRequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                                 ShopConfig config, ObjectMapper json) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !declaresMoreThanLimit(length)) {
            context.next();
            return;
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        boolean wantsJson = accept != null && accept.contains("json") && !accept.contains("text/html");
        String body = wantsJson ? problem(context.request().path()) : Pages.error(
                new PageContext(config.name(), -1, "", "", "error"), new Views.ErrorInfo(413, HEADING, MESSAGE)).render();
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, wantsJson ? "application/problem+json" : "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private boolean declaresMoreThanLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String problem(String path) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HEADING);
        problem.put("status", 413);
        problem.put("detail", MESSAGE);
        problem.put("instance", path);
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
