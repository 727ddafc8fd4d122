package dev.shop.storefront;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A browser without JavaScript: keeps the session cookie, reads the CSRF token from a page, posts forms. */
final class Shopper {

    static final String COOKIE = "shop_session";

    final String sessionId;
    final String csrf;

    private Shopper(String sessionId, String csrf) {
        this.sessionId = sessionId;
        this.csrf = csrf;
    }

    /** Opens the shop's front page, as a first visit does. */
    static Shopper arrive() {
        Response front = given().when().get("/");
        String session = front.getCookie(COOKIE);
        assertThat(session).as("the first visit sets the session cookie").isNotNull();
        return new Shopper(session, parse(front.asString()).expectFirst("input[name=csrf]").val());
    }

    /** The page as a browser parses it: tests assert on its elements and text, not on its markup. */
    static Document parse(String html) {
        return Jsoup.parse(html);
    }

    static Document parse(Response page) {
        return parse(page.asString());
    }

    /** The number of items the page's header shows in the cart. */
    static String cartCount(Document page) {
        return page.expectFirst(".cart-count").text();
    }

    /** The key the checkout form on this page sends with its order. */
    static String idempotencyKey(String checkoutHtml) {
        return parse(checkoutHtml).expectFirst("input[name=idempotencyKey]").val();
    }

    RequestSpecification request() {
        return given().cookie(COOKIE, sessionId).redirects().follow(false);
    }

    Response get(String path) {
        return request().when().get(path);
    }

    /** Posts a form with this shopper's CSRF token added. */
    Response post(String path, String... nameValuePairs) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            form.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return postRaw(path, form);
    }

    /** Posts exactly these fields (no token added). */
    Response postRaw(String path, Map<String, String> form) {
        RequestSpecification request = request().contentType(ContentType.URLENC);
        if (!form.isEmpty()) {
            request.formParams(form);
        }
        return request.when().post(path);
    }

    Response addToCart(String sku, String quantity) {
        return post("/cart/items", "sku", sku, "quantity", quantity);
    }
}
