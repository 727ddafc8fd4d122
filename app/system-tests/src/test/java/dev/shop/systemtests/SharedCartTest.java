package dev.shop.systemtests;

import dev.shop.localstack.LocalShop;
import dev.shop.localstack.ServiceProcess;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storefront pods hold no state: a cart written through one storefront process is read through
 * another, and survives a restart, because session and cart live in Redis.
 */
@ExtendWith(RunningShopExtension.class)
class SharedCartTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CART_COUNT = Pattern.compile("<span class=\"cart-count\">(\\d+)</span>");

    @Test
    void aCartWrittenThroughOneStorefrontIsReadThroughAnotherAndSurvivesARestart() {
        String sku = Api.createProduct("Linen napkins", 1_800, 20);
        ServiceProcess first = RunningShop.shop().service(LocalShop.STOREFRONT);

        Response productPage = given().baseUri(first.baseUrl()).get("/products/{sku}", sku);
        productPage.then().statusCode(200);
        String session = productPage.getCookie("shop_session");
        assertThat(session).isNotBlank();
        given().baseUri(first.baseUrl()).cookie("shop_session", session).redirects().follow(false)
                .formParam("sku", sku).formParam("quantity", 3).formParam("csrf", csrf(productPage.asString()))
                .post("/cart/items")
                .then().statusCode(303);

        ServiceProcess second = RunningShop.shop().startExtraStorefront();
        try {
            String cartThroughSecond = cartPage(second, session);
            assertThat(cartThroughSecond).contains("Linen napkins");
            assertThat(cartCount(cartThroughSecond)).isEqualTo(3);
        } finally {
            second.stop();
        }

        first.stop();
        first.start();
        String cartAfterRestart = cartPage(first, session);
        assertThat(cartAfterRestart).contains("Linen napkins");
        assertThat(cartCount(cartAfterRestart)).isEqualTo(3);
    }

    private static String cartPage(ServiceProcess storefront, String session) {
        return given().baseUri(storefront.baseUrl()).cookie("shop_session", session)
                .get("/cart")
                .then().statusCode(200)
                .extract().asString();
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field on the page").isTrue();
        return matcher.group(1);
    }

    private static int cartCount(String html) {
        Matcher matcher = CART_COUNT.matcher(html);
        assertThat(matcher.find()).as("a cart count in the header").isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
