package dev.shop.storefront.web;

import dev.shop.storefront.client.Order;
import dev.shop.storefront.client.OrdersGateway;
import dev.shop.storefront.model.ShopperSession;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The shopper's orders and each order's confirmation page; orders shows a customer only their own. */
@Path("/orders")
@Produces(MediaType.TEXT_HTML)
public class OrdersResource {

    private final CurrentSession session;
    private final OrdersGateway orders;
    private final Layout layout;

    public OrdersResource(CurrentSession session, OrdersGateway orders, Layout layout) {
        this.session = session;
        this.orders = orders;
        this.layout = layout;
    }

    static String confirmation(String orderId) {
        return "/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8) + "?placed=true";
    }

    @GET
    public TemplateInstance list() {
        ShopperSession shopper = session.get();
        return Pages.orders(layout.page(shopper, "orders"), orders.listFor(shopper.customerId()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance order(@RestPath String id, @RestQuery boolean placed) {
        ShopperSession shopper = session.get();
        Order order = orders.find(id, shopper.customerId()).orElseThrow(() -> new ShopperFacingException(404,
                "We couldn't find that order", "Only orders placed from this browser are shown here."));
        return Pages.order(layout.page(shopper, "orders"), order, placed);
    }
}
