package dev.shop.orders.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.io.IOException;

/** Catalog's reservation API; base URL from {@code QUARKUS_REST_CLIENT_CATALOG_URL}. */
@Path("/api/reservations")
@RegisterRestClient(configKey = "catalog")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    ObjectMapper PROBLEM_READER = new ObjectMapper();

    @POST
    Reservation reserve(ReservationRequest request);

    @DELETE
    @Path("/{reference}")
    void release(@PathParam("reference") String reference);

    /**
     * Sorts catalog's error answers: a product it refuses (409 short stock, 404 unknown sku, both naming
     * the sku) is final; a 5xx is an outage worth retrying; anything else means we sent something
     * catalog's contract does not allow, which is our bug.
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new CatalogUnavailableException("catalog answered " + status, null);
        }
        String sku = skuOf(response);
        if (status == 409 && sku != null) {
            return new CatalogRejectedException(CatalogRejectedException.Reason.INSUFFICIENT_STOCK, sku);
        }
        if (status == 404 && sku != null) {
            return new CatalogRejectedException(CatalogRejectedException.Reason.UNKNOWN_SKU, sku);
        }
        if (status == 404) {
            // a 404 without a sku is a wrong base URL, not a product: an outage of ours to fix
            return new CatalogUnavailableException("catalog has no reservation API at the configured URL", null);
        }
        return new IllegalStateException("catalog refused our reservation request with " + status
                + "; orders and catalog disagree on the contract");
    }

    private static String skuOf(Response response) {
        try {
            JsonNode problem = PROBLEM_READER.readTree(response.readEntity(String.class));
            JsonNode sku = problem == null ? null : problem.get("sku");
            return sku == null || !sku.isTextual() ? null : sku.asText();
        } catch (IOException | RuntimeException unreadable) {
            // a body that cannot be read or parsed names no sku; the status alone decides then
            return null;
        }
    }
}
