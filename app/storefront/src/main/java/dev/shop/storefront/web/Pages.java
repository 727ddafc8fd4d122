package dev.shop.storefront.web;

import dev.shop.storefront.client.Order;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The page templates (src/main/resources/templates/*.html), checked against these types at build time. */
@CheckedTemplate
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance products(PageContext page, Views.ProductList list);

    public static native TemplateInstance product(PageContext page, Views.ProductDetail detail);

    public static native TemplateInstance cart(PageContext page, Views.Cart cart);

    public static native TemplateInstance checkout(PageContext page, Views.Checkout checkout);

    public static native TemplateInstance order(PageContext page, Order order, boolean placed);

    public static native TemplateInstance orders(PageContext page, List<Order> orders);

    public static native TemplateInstance error(PageContext page, Views.ErrorInfo error);
}
