package dev.shop.systemtests.faults;

import io.restassured.response.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A shopper using the storefront's pages as a browser would, without the browser: cookie, CSRF token, forms. */
public final class WebShopper {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private final String storefront;
    private final String session;
    private final String csrf;

    private WebShopper(String storefront, String session, String csrf) {
        this.storefront = storefront;
        this.session = session;
        this.csrf = csrf;
    }

    /** Opens the product's page and puts {@code quantity} of it in the cart. */
    public static WebShopper withInCart(String storefront, String sku, int quantity) {
        Response page = given().baseUri(storefront).get("/products/{sku}", sku);
        page.then().statusCode(200);
        WebShopper shopper = new WebShopper(storefront, page.getCookie("shop_session"), field(CSRF, page.asString()));
        shopper.request().formParam("sku", sku).formParam("quantity", quantity).formParam("csrf", shopper.csrf)
                .post("/cart/items")
                .then().statusCode(303);
        return shopper;
    }

    /** The idempotency key the checkout page carries now. */
    public String checkoutKey() {
        return idempotencyKeyOn(request().get("/checkout").then().statusCode(200).extract().asString());
    }

    /** Presses "Place order" on a checkout page that carried {@code key}. */
    public Response placeOrder(String key) {
        return request().formParam("csrf", csrf).formParam("idempotencyKey", key).post("/checkout");
    }

    Response get(String path) {
        return request().get(path);
    }

    static String idempotencyKeyOn(String html) {
        return field(IDEMPOTENCY_KEY, html);
    }

    private io.restassured.specification.RequestSpecification request() {
        return given().baseUri(storefront).cookie("shop_session", session).redirects().follow(false);
    }

    private static String field(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("field %s on the page", pattern).isTrue();
        return matcher.group(1);
    }
}
