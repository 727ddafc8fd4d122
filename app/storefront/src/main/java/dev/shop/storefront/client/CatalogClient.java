package dev.shop.storefront.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog's read API (docs/architecture.md). Base URL: {@code quarkus.rest-client.catalog.url}. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogClient {

    @GET
    ProductPage list(@QueryParam("page") int page, @QueryParam("size") int size, @QueryParam("q") String query);

    @GET
    @Path("/sku/{sku}")
    Product bySku(@PathParam("sku") String sku);
}
