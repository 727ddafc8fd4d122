package dev.shop.storefront.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** orders' API (docs/architecture.md). Base URL: {@code quarkus.rest-client.orders.url}. */
@RegisterRestClient(configKey = "orders")
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public interface OrdersClient {

    String CUSTOMER_HEADER = "X-Customer-Id";
    String IDEMPOTENCY_HEADER = "Idempotency-Key";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Order place(@HeaderParam(IDEMPOTENCY_HEADER) String idempotencyKey,
                @HeaderParam(CUSTOMER_HEADER) String customerId,
                OrderRequest request);

    @GET
    @Path("/{id}")
    Order get(@PathParam("id") String id, @HeaderParam(CUSTOMER_HEADER) String customerId);

    /** The customer's confirmed orders, newest first. */
    @GET
    List<Order> list(@HeaderParam(CUSTOMER_HEADER) String customerId);
}
