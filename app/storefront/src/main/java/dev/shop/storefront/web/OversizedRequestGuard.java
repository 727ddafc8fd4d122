package dev.shop.storefront.web;

import dev.shop.conventions.problem.ProblemResponses;
import dev.shop.storefront.config.ShopConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final ProblemResponses problems;

    public OversizedRequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                                 ShopConfig config, ProblemResponses problems) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.config = config;
        this.problems = problems;
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
        boolean wantsJson = ErrorPages.wantsJson(context.request().getHeader(HttpHeaders.ACCEPT));
        String body = wantsJson ? ErrorPages.problem(problems, 413, HEADING, MESSAGE, context.request().path()) : Pages.error(
                new PageContext(config.name(), -1, "", "", "error"), new Views.ErrorInfo(413, HEADING, MESSAGE)).render();
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, wantsJson ? ProblemResponses.MEDIA_TYPE : "text/html;charset=UTF-8")
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
}
