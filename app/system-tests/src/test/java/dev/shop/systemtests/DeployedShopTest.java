package dev.shop.systemtests;

import dev.shop.localstack.LocalShop;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functional subset the pipeline runs against a deployed environment (tag {@code deployed}:
 * staging after the deploy wait; tag {@code smoke}, read-only: prod after it synced). Against
 * {@code -Dshop.baseUrl=https://...} when given, else against the local shop, so the build runs
 * the same checks: a shopper sees the catalogue, opens a product and puts it into the cart.
 */
@Tag("deployed")
@ExtendWith(DeployedShopTest.Target.class)
class DeployedShopTest {

    private static final Pattern PRODUCT_LINK = Pattern.compile("href=\"(/products/[^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CART_COUNT = Pattern.compile("<span class=\"cart-count\">(\\d+)</span>");

    static String baseUrl;

    /** The storefront under test: the deployed one named by shop.baseUrl, or the local shop with one product. */
    static final class Target implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            String deployed = System.getProperty("shop.baseUrl", "");
            if (!deployed.isBlank()) {
                baseUrl = deployed.replaceAll("/+$", "");
                return;
            }
            RunningShop.ensureStarted(context);
            Api.createProduct("Deployed check mug", 1_200, 5);
            baseUrl = RunningShop.shop().service(LocalShop.STOREFRONT).baseUrl();
        }
    }

    @Test
    @Tag("smoke")
    void theCatalogueListsProductsAndAProductPageRenders() {
        String productPath = firstProduct();
        assertThat(given().baseUri(baseUrl).get(productPath).then().statusCode(200).extract().asString())
                .contains("name=\"csrf\"");
    }

    @Test
    void aProductGoesIntoTheCartAndTheCartShowsIt() {
        Response productPage = given().baseUri(baseUrl).get(firstProduct());
        productPage.then().statusCode(200);
        String session = productPage.getCookie("shop_session");
        assertThat(session).isNotBlank();
        Matcher csrf = CSRF.matcher(productPage.asString());
        assertThat(csrf.find()).as("the product page has a CSRF token").isTrue();
        String sku = firstProduct().substring("/products/".length());
        given().baseUri(baseUrl).cookie("shop_session", session).redirects().follow(false)
                .formParam("sku", sku).formParam("quantity", 1).formParam("csrf", csrf.group(1))
                .post("/cart/items")
                .then().statusCode(303);
        String cart = given().baseUri(baseUrl).cookie("shop_session", session).get("/cart")
                .then().statusCode(200).extract().asString();
        Matcher count = CART_COUNT.matcher(cart);
        assertThat(count.find()).as("the cart page shows a count").isTrue();
        assertThat(Integer.parseInt(count.group(1))).isGreaterThanOrEqualTo(1);
    }

    private static String firstProduct() {
        String home = given().baseUri(baseUrl).get("/").then().statusCode(200).extract().asString();
        Matcher link = PRODUCT_LINK.matcher(home);
        assertThat(link.find()).as(baseUrl + " lists at least one product").isTrue();
        return link.group(1);
    }
}
