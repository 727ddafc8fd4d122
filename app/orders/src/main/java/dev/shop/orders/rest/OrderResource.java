package dev.shop.orders.rest;

import dev.shop.orders.service.CheckoutLine;
import dev.shop.orders.service.CheckoutService;
import dev.shop.orders.service.OrderStore;
import dev.shop.orders.service.Failures;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * Orders of the shopper named by {@code X-Customer-Id} (set by the storefront). Another shopper's order
 * is answered with 404, not 403, so order ids reveal nothing.
 */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class OrderResource {

    /** The list shows the newest orders only; a shop's customer rarely has more. */
    static final int LIST_LIMIT = 100;

    private final CheckoutService checkout;
    private final OrderStore orders;

    public OrderResource(CheckoutService checkout, OrderStore orders) {
        this.checkout = checkout;
        this.orders = orders;
    }

    @POST
    @Operation(summary = "Check out: reserve the stock and place the order, once per Idempotency-Key")
    @APIResponse(responseCode = "201", description = "order placed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "the order placed earlier with this Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "malformed body, bad lines or a missing header")
    @APIResponse(responseCode = "409", description = "not enough stock of the sku named in the problem, "
            + "or a checkout with this key not finished within the answer time (Retry-After)")
    @APIResponse(responseCode = "422", description = "a sku catalog does not know (named in the problem), "
            + "or the Idempotency-Key was used for a different body (the problem names its order in orderId)")
    @APIResponse(responseCode = "503", description = "catalog or database unavailable; retry with the same key (Retry-After)")
    public Response place(
            @HeaderParam(Headers.CUSTOMER_ID) @NotNull
            @Pattern(regexp = Headers.CUSTOMER_ID_PATTERN, message = Headers.CUSTOMER_ID_MESSAGE) String customerId,
            @HeaderParam(Headers.IDEMPOTENCY_KEY) @NotNull
            @Pattern(regexp = Headers.IDEMPOTENCY_KEY_PATTERN, message = Headers.IDEMPOTENCY_KEY_MESSAGE)
            String idempotencyKey,
            @NotNull @Valid CheckoutRequest request,
            UriInfo uriInfo) {
        CheckoutService.Outcome outcome = checkout.checkout(customerId, idempotencyKey, request.lines().stream()
                .map(line -> new CheckoutLine(line.sku(), line.quantity()))
                .toList());
        OrderView order = OrderView.of(outcome.order());
        Response.ResponseBuilder response = outcome.created()
                ? Response.created(uriInfo.getAbsolutePathBuilder().path(order.id().toString()).build())
                : Response.ok();
        return response.entity(order).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order of the shopper")
    public OrderView byId(
            @HeaderParam(Headers.CUSTOMER_ID) @NotNull
            @Pattern(regexp = Headers.CUSTOMER_ID_PATTERN, message = Headers.CUSTOMER_ID_MESSAGE) String customerId,
            @PathParam("id") UUID id) {
        return orders.byId(id, customerId).map(OrderView::of).orElseThrow(() -> Failures.orderNotFound(id));
    }

    @GET
    @Operation(summary = "The shopper's confirmed orders, newest first (at most 100)")
    public List<OrderView> list(
            @HeaderParam(Headers.CUSTOMER_ID) @NotNull
            @Pattern(regexp = Headers.CUSTOMER_ID_PATTERN, message = Headers.CUSTOMER_ID_MESSAGE) String customerId) {
        return orders.confirmedOf(customerId, LIST_LIMIT).stream().map(OrderView::of).toList();
    }
}
