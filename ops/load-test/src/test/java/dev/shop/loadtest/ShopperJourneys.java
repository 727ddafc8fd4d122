package dev.shop.loadtest;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What shoppers do in the storefront, as Gatling chains. The pages are read the way a browser would:
 * product links, the CSRF token and the checkout's idempotency key come from the HTML
 * (app/storefront/src/main/resources/templates), nothing is guessed.
 *
 * <p>Selling out is part of real traffic, not an error: a refusal that says a product is out of stock
 * passes the check (and the shopper goes home); any other non-2xx answer fails the request.
 */
public final class ShopperJourneys {

    /** Share of shoppers per journey, in percent: many look, some fill a cart and leave, few buy. */
    public static final double BROWSERS_PERCENT = 70.0;
    public static final double ABANDONERS_PERCENT = 20.0;
    public static final double BUYERS_PERCENT = 10.0;

    static final Duration THINK_MIN = Duration.ofSeconds(2);
    static final Duration THINK_MAX = Duration.ofSeconds(6);

    private static final List<String> SEARCH_TERMS = List.of("mug", "vase", "oak", "linen", "glass", "candle", "lamp");
    /** The storefront's wording when stock is short (CartService, CheckoutResource). */
    private static final String SOLD_OUT_TEXT = "out of stock|in stock\\.|enough stock";

    private ShopperJourneys() {
    }

    /** One shopper's visit, picked by the weights above; a failed page ends it, as a shopper would leave. */
    public static ChainBuilder visit() {
        return exitBlockOnFail().on(
                exec(productList())
                        .exec(think())
                        .exec(randomSwitch().on(
                                new Choice.WithWeight(BROWSERS_PERCENT, browse()),
                                new Choice.WithWeight(ABANDONERS_PERCENT, fillCart()),
                                new Choice.WithWeight(BUYERS_PERCENT, exec(fillCart()).exec(buy())))));
    }

    /** Looks at a few products, sometimes searches first. */
    static ChainBuilder browse() {
        // the other 70 % go straight to products
        return randomSwitch().on(new Choice.WithWeight(30.0, exec(search()).exec(think())))
                .repeat(session -> ThreadLocalRandom.current().nextInt(1, 4)).on(
                        exec(pickProduct()).exec(productPage()).exec(think()));
    }

    /** Puts one or two in-stock products in the cart, looks at it, changes a quantity. */
    static ChainBuilder fillCart() {
        return doIf(ShopperJourneys::hasInStockProduct).then(
                repeat(session -> ThreadLocalRandom.current().nextInt(1, 3)).on(
                                exec(pickInStockProduct()).exec(productPage()).exec(think()).exec(addToCart()).exec(think()))
                        .exec(changeQuantity())
                        .exec(think()));
    }

    /** Checks out what is in the cart (only when adding to the cart worked). */
    static ChainBuilder buy() {
        return doIf(session -> session.getBoolean("cartFilled")).then(
                exec(checkoutPage())
                        .exec(think())
                        .doIf(session -> session.contains("idempotencyKey")).then(exec(placeOrder())));
    }

    static ChainBuilder productList() {
        return group(Thresholds.BROWSE.name()).on(exec(http("product list").get("/")
                .check(status().is(200))
                .check(regex("href=\"/products/([^\"]+)\"").findAll().saveAs("productSkus"))
                .check(css("input[name='sku']", "value").findAll().optional().saveAs("inStockSkus"))
                .check(css("input[name='csrf']", "value").optional().saveAs("csrf"))))
                .exec(session -> session.set("cartFilled", false));
    }

    static ChainBuilder search() {
        return exec(session -> session.set("searchTerm", pick(SEARCH_TERMS)))
                .group(Thresholds.BROWSE.name()).on(exec(http("search").get("/")
                        .queryParam("q", "#{searchTerm}")
                        .check(status().is(200))
                        .check(substring("matching your search").exists())));
    }

    static ChainBuilder productPage() {
        return group(Thresholds.BROWSE.name()).on(exec(http("product page").get("/products/#{sku}")
                .check(status().is(200))
                .check(substring("Product code: #{sku}").exists())
                .check(css("input[name='csrf']", "value").optional().saveAs("csrf"))));
    }

    /** A POST answered 303 and followed to the cart, or a sold-out refusal (422). */
    static ChainBuilder addToCart() {
        return group(Thresholds.CART.name()).on(exec(withSoldOutAccepted(http("add to cart").post("/cart/items")
                .formParam("csrf", "#{csrf}")
                .formParam("sku", "#{sku}")
                .formParam("quantity", "1"), 422)
                .checkIf((response, session) -> response.status().code() == 200).then(
                        currentLocationRegex(".*/cart([?].*)?$").exists(),
                        regex("id=\"quantity-#{sku}\"").exists(),
                        css("input[name='csrf']", "value").saveAs("csrf"))))
                .exec(session -> session.contains("soldOut")
                        ? session.remove("soldOut")
                        : session.set("cartFilled", true).set("cartSku", session.getString("sku")));
    }

    /** Sets the quantity of the last product added (and not sold out) to 2 on the cart page. */
    static ChainBuilder changeQuantity() {
        return doIf(session -> session.getBoolean("cartFilled")).then(
                group(Thresholds.CART.name()).on(exec(withSoldOutAccepted(http("change quantity")
                        .post("/cart/items/#{cartSku}")
                        .formParam("csrf", "#{csrf}")
                        .formParam("quantity", "2"), 422)
                        .checkIf((response, session) -> response.status().code() == 200).then(
                                regex("id=\"quantity-#{cartSku}\"[^>]*value=\"2\"").exists())))
                .exec(session -> session.remove("soldOut")));
    }

    static ChainBuilder checkoutPage() {
        return group(Thresholds.CHECKOUT.name()).on(exec(http("checkout page").get("/checkout")
                .check(status().is(200))
                .check(css("input[name='idempotencyKey']", "value").optional().saveAs("idempotencyKey"))));
    }

    /** The order is placed (303 to its confirmation page) or refused because stock ran out (409). */
    static ChainBuilder placeOrder() {
        return group(Thresholds.CHECKOUT.name()).on(exec(withSoldOutAccepted(http("place order").post("/checkout")
                .formParam("csrf", "#{csrf}")
                .formParam("idempotencyKey", "#{idempotencyKey}"), 409)
                .checkIf((response, session) -> response.status().code() == 200).then(
                        currentLocationRegex(".*/orders/[0-9a-f-]{36}([?].*)?$").exists(),
                        substring("Thank you for your order").exists())));
    }

    /**
     * Accepts 200 (after redirects) or the given refusal status when, and only when, its page says the
     * product is out of stock; marks the shopper as having met a sold-out product.
     */
    private static HttpRequestActionBuilder withSoldOutAccepted(HttpRequestActionBuilder request, int refusalStatus) {
        CheckBuilder.Final soldOut = regex(SOLD_OUT_TEXT).exists().saveAs("soldOut");
        return request
                .check(status().in(200, refusalStatus))
                .checkIf((response, session) -> response.status().code() == refusalStatus).then(soldOut);
    }

    private static ChainBuilder think() {
        return pause(THINK_MIN, THINK_MAX);
    }

    private static ChainBuilder pickProduct() {
        return exec(session -> session.set("sku", pick(session.getList("productSkus"))));
    }

    private static ChainBuilder pickInStockProduct() {
        return exec(session -> session.set("sku", pick(session.getList("inStockSkus"))));
    }

    private static boolean hasInStockProduct(Session session) {
        return session.contains("inStockSkus") && !session.getList("inStockSkus").isEmpty();
    }

    private static <T> T pick(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }
}
