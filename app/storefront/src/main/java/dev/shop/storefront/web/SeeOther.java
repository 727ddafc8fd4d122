package dev.shop.storefront.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * 303 redirects with a relative Location. JAX-RS would make it absolute from the request URI, which behind
 * a TLS-terminating ingress says http:// and sends the browser off HTTPS.
 */
final class SeeOther {

    private SeeOther() {
    }

    static Response to(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path).build();
    }
}
