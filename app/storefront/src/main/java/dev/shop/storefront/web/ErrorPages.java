package dev.shop.storefront.web;

import dev.shop.conventions.problem.ProblemException;
import dev.shop.conventions.problem.ProblemResponses;
import dev.shop.storefront.client.DownstreamUnavailableException.Downstream;
import dev.shop.storefront.client.DownstreamUnavailableException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Every failure becomes a page a shopper understands, never a stack trace. A client that asks for JSON
 * and not HTML (a script, a probe) gets the same answer as RFC 9457 problem+json.
 */
public class ErrorPages {

    private final CurrentSession session;
    private final Layout layout;
    private final ProblemResponses problems;

    public ErrorPages(CurrentSession session, Layout layout, ProblemResponses problems) {
        this.session = session;
        this.layout = layout;
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response shopperFacing(ShopperFacingException e, HttpHeaders headers, UriInfo uri) {
        return respond(e.status(), e.heading(), e.getMessage(), headers, uri).build();
    }

    @ServerExceptionMapper
    public Response downstreamUnavailable(DownstreamUnavailableException e, HttpHeaders headers, UriInfo uri) {
        String what = switch (e.downstream()) {
            case CATALOG -> "our product catalogue";
            case ORDERS -> "our order system";
            case REDIS -> "your shopping cart";
        };
        // While Redis is down the cart cannot be shown either, so the way back is the shop alone.
        boolean offerCart = e.downstream() != Downstream.REDIS;
        return respond(503, "We'll be right back",
                "We can't reach " + what + " at the moment. Your cart is safe: please try again in a minute.",
                headers, uri, offerCart)
                .header("Retry-After", "30")
                .build();
    }

    /** 404 for unknown paths, 405, 406, 415, 413 and the other HTTP-level refusals. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        Response.ResponseBuilder response = switch (status) {
            case 404 -> respond(404, "Page not found",
                    "We couldn't find the page you asked for. It may have moved, or the address may be mistyped.", headers, uri);
            case 405 -> respond(405, "That didn't work",
                    "This page can't be used that way. Please use the links and buttons on our pages.", headers, uri);
            case 413 -> respond(413, OversizedRequestGuard.HEADING, OversizedRequestGuard.MESSAGE, headers, uri);
            case 415 -> respond(415, "That didn't work",
                    "We couldn't read what was sent. Please use the forms on our pages.", headers, uri);
            default -> respond(status, "That didn't work",
                    "We couldn't handle that request. Please go back and try again.", headers, uri);
        };
        List<Object> allow = e.getResponse().getHeaders().get(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, String.join(", ", allow.stream().map(Object::toString).toList()));
        }
        return response.build();
    }

    /** A bug: log it with a reference the shopper can quote, show nothing of it. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        Log.errorf(e, "unexpected error %s on %s", reference, uri.getPath());
        return respond(500, "Something went wrong on our side",
                "Sorry about that. Please try again; if it keeps happening, quote reference " + reference + ".",
                headers, uri).build();
    }

    private Response.ResponseBuilder respond(int status, String heading, String message, HttpHeaders headers, UriInfo uri) {
        return respond(status, heading, message, headers, uri, true);
    }

    /**
     * {@code cartReachable}: whether the cart page can work now. A shopper who failed at checkout is sent back to
     * the cart (the order is not lost), not only to the shop.
     */
    private Response.ResponseBuilder respond(int status, String heading, String message, HttpHeaders headers, UriInfo uri,
                                             boolean cartReachable) {
        if (wantsJson(headers.getHeaderString(HttpHeaders.ACCEPT))) {
            return Response.status(status).type(ProblemResponses.MEDIA_TYPE)
                    .entity(problem(problems, status, heading, message, uri.getPath()));
        }
        boolean offerCart = cartReachable && isCheckout(uri.getPath());
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.error(layout.errorPage(session), new Views.ErrorInfo(status, heading, message, offerCart)).render());
    }

    private static boolean isCheckout(String path) {
        return path.equals("/checkout") || path.startsWith("/checkout/");
    }

    /**
     * HTML unless the client lists a JSON type and no HTML type: browsers and curl get pages. The one decision for
     * every error answer ({@link OversizedRequestGuard} too), from the raw {@code Accept} header.
     */
    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        boolean json = false;
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("text/html") || type.equals("text/*")) {
                return false;
            }
            json |= type.startsWith("application/") && type.endsWith("json");
        }
        return json;
    }

    /** The same answer as RFC 9457 problem+json, rendered by the shared library. */
    static String problem(ProblemResponses problems, int status, String title, String detail, String instance) {
        return problems.body(ProblemException.generic(status, title, detail), instance);
    }
}
