package dev.shop.storefront.web;

import dev.shop.storefront.client.OrdersGateway.Placement;
import dev.shop.storefront.client.OrdersGateway;
import dev.shop.storefront.model.ShopperSession;
import dev.shop.storefront.repository.SessionStore;
import dev.shop.storefront.service.CartService.CartContents;
import dev.shop.storefront.service.CartService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Review and place the order. The checkout page carries an idempotency key; posting it twice (a double
 * click, a resubmitted form) makes orders return the same order, and the session remembers the order made
 * with each key so a late duplicate is sent to that order's page. From the moment a key is sent until its
 * order is known placed or known refused, the session keeps it as pending and every checkout page carries
 * it again, whatever went wrong in between: a shopper who tries again never places a second order.
 */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class CheckoutResource {

    static final String NOT_KNOWN_YET = "We couldn't confirm your order yet: it may still go through. "
            + "Please place it again in a moment; this checks on the same order, so you will never order twice.";

    private final CurrentSession session;
    private final CartService carts;
    private final OrdersGateway orders;
    private final SessionStore sessions;
    private final Layout layout;

    public CheckoutResource(CurrentSession session, CartService carts, OrdersGateway orders, SessionStore sessions,
                            Layout layout) {
        this.session = session;
        this.carts = carts;
        this.orders = orders;
        this.sessions = sessions;
        this.layout = layout;
    }

    @GET
    public Response checkout() {
        ShopperSession shopper = session.get();
        CartContents contents = carts.contents(shopper);
        if (contents.isEmpty()) {
            return SeeOther.to(CartResource.CART);
        }
        return page(200, shopper, Views.Checkout.review(contents, keyFor(shopper), ""));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response placeOrder(@RestForm String csrf, @RestForm String idempotencyKey) {
        ShopperSession shopper = session.requireCsrfToken(csrf);
        Optional<String> key = FormInput.idempotencyKey(idempotencyKey);
        if (key.isEmpty()) {
            return page(422, shopper, Views.Checkout.review(carts.contents(shopper), keyFor(shopper),
                    "We couldn't read your checkout form. Please check your order and place it again."));
        }
        Optional<String> earlierOrder = shopper.orderPlacedWith(key.get());
        if (earlierOrder.isPresent()) {
            return SeeOther.to(OrdersResource.confirmation(earlierOrder.get()));
        }
        if (shopper.cart().isEmpty()) {
            Views.Cart cart = new Views.Cart(carts.contents(shopper),
                    "Your cart is empty, so there is nothing to order yet.", "", "");
            return Response.status(422).entity(Pages.cart(layout.page(shopper, "cart"), cart)).build();
        }
        sessions.startCheckout(shopper.id(), key.get());
        Placement placement = orders.place(key.get(), shopper.customerId(), shopper.cart());
        if (!placement.isKnown()) {
            return notKnownYet(shopper, key.get());
        }
        if (!placement.isPlaced()) {
            sessions.checkoutFailed(shopper.id());
            return refused(shopper, placement);
        }
        // an order placed with the cart as it was before the shopper changed it leaves today's cart as it is
        sessions.completeCheckout(shopper.id(), key.get(), placement.orderId(),
                placement.ofEarlierCart() ? List.of() : new ArrayList<>(shopper.cart().keySet()));
        return SeeOther.to(OrdersResource.confirmation(placement.orderId()));
    }

    /** The outcome is not known: the same key again (503, Retry-After), so trying again cannot order twice. */
    private Response notKnownYet(ShopperSession shopper, String key) {
        Views.Checkout checkout = Views.Checkout.review(carts.contents(shopper), key, NOT_KNOWN_YET);
        return Response.status(503).header("Retry-After", "5")
                .entity(Pages.checkout(layout.page(shopper, "cart"), checkout)).build();
    }

    /** The checkout again (409) with what went wrong; the cart is kept so the shopper can fix it. */
    private Response refused(ShopperSession shopper, Placement placement) {
        CartContents contents = carts.contents(shopper);
        Views.Checkout checkout = switch (placement.refusal()) {
            // catalog's stock now says which lines are short and by how much; orders names only the first it met.
            case OUT_OF_STOCK -> Views.Checkout.refusedForStock(contents, newKey(), placement.sku());
            case UNKNOWN_PRODUCT -> Views.Checkout.review(contents, newKey(), "Sorry, a product in your cart"
                    + (placement.sku().isEmpty() ? "" : " (product code " + placement.sku() + ")")
                    + " is no longer sold. Please remove it from your cart and try again.");
            case CART_CHANGED -> Views.Checkout.review(contents, newKey(),
                    "Your cart changed while you were checking out. Please check your order and place it again.");
            case REJECTED -> Views.Checkout.review(contents, newKey(), "Sorry, we couldn't place this order as it is. "
                    + "Please check your cart, or order the products separately.");
        };
        return page(409, shopper, checkout);
    }

    private Response page(int status, ShopperSession shopper, Views.Checkout checkout) {
        return Response.status(status).entity(Pages.checkout(layout.page(shopper, "cart"), checkout)).build();
    }

    /** The pending checkout's key while its outcome is unknown, else a new one: a new attempt is a new order. */
    private static String keyFor(ShopperSession shopper) {
        return shopper.pendingCheckoutKey().orElseGet(CheckoutResource::newKey);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
