package dev.shop.storefront;

import dev.shop.storefront.service.SessionStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

@StorefrontWithStubs
class ShopPagesTest {

    @Inject
    RedisDataSource redis;

    @Test
    void productListShowsNamesPricesInEuroAndTheCartCount() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"en\">"),
                        containsString("href=\"#main\""),
                        containsString("Ceramic Mug"), containsString("€12.99"),
                        containsString("Organic Cotton T-Shirt"), containsString("€24.50"),
                        containsString("class=\"cart-count\">0<"),
                        containsString("<label for=\"search-q\""));
    }

    @Test
    void everyPageHasExactlyOneH1() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "1");
        for (String path : new String[] {"/", "/products/MUG-001", "/cart", "/checkout", "/orders", "/nope"}) {
            String html = shopper.get(path).asString();
            assertThat(count("<h1", html)).as(path + " has one h1").isEqualTo(1);
            int firstH2 = html.indexOf("<h2");
            assertThat(firstH2 < 0 || html.indexOf("<h1") < firstH2).as(path + ": the h1 comes before any h2").isTrue();
        }
    }

    @Test
    void firstVisitSetsASecureHttpOnlySameSiteCookieWithARandomId() {
        Response first = given().when().get("/");
        String header = first.getHeader("Set-Cookie");
        assertThat(header.startsWith(Shopper.COOKIE + "=")).as(header).isTrue();
        assertThat(header.contains("; Secure")).as(header).isTrue();
        assertThat(header.contains("; HttpOnly")).as(header).isTrue();
        assertThat(header.contains("; SameSite=Lax")).as(header).isTrue();
        assertThat(header.contains("; Path=/")).as(header).isTrue();
        String id = first.getCookie(Shopper.COOKIE);
        assertThat(id.matches("[A-Za-z0-9_-]{43}")).as("256 random bits, base64url: " + id).isTrue();
        assertThat(redis.key().ttl(SessionStore.key(id)) > 0).as("the session has a TTL in Redis").isTrue();

        Response second = given().cookie(Shopper.COOKIE, id).when().get("/");
        assertThat(second.getCookie(Shopper.COOKIE)).as("a live session keeps its id; the cookie's Max-Age slides").isEqualTo(id);
        assertThat(given().when().get("/").getCookie(Shopper.COOKIE)).as("every visitor gets a new id").isNotEqualTo(id);
    }

    @Test
    void anUnknownSessionIdIsReplacedNotAdopted() {
        String forged = "A".repeat(43);
        String issued = given().cookie(Shopper.COOKIE, forged).when().get("/").getCookie(Shopper.COOKIE);
        assertThat(issued).isNotEqualTo(forged);
        assertThat(redis.key().exists(SessionStore.key(forged)) ? 1 : 0).isEqualTo(0);
    }

    @Test
    void searchFiltersProductsAndKeepsTheTextInTheBox() {
        given().queryParam("q", "mug").when().get("/")
                .then().statusCode(200)
                .body(containsString("Ceramic Mug"), not(containsString("Desk Lamp")),
                        containsString("value=\"mug\""), containsString("1 product matching your search"));
    }

    @Test
    void pagingLeadsThroughTheWholeList() {
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("Page 1 of 2"), containsString("href=\"/?page=2\""), not(containsString("Notebook No. 14")));
        given().queryParam("page", "2").when().get("/")
                .then().statusCode(200)
                .body(containsString("Page 2 of 2"), containsString("Notebook No. 14"), containsString("href=\"/?page=1\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "two", "1001", "99999999999"})
    void anInvalidPageNumberIs400WithAMessage(String page) {
        given().queryParam("page", page).when().get("/")
                .then().statusCode(400)
                .contentType(startsWith("text/html"))
                .body(containsString("Page numbers start at 1"));
    }

    @Test
    void anOverlongSearchIs400() {
        given().queryParam("q", "x".repeat(101)).when().get("/")
                .then().statusCode(400).body(containsString("That search is too long"));
    }

    @Test
    void productPageShowsDetailsImageAndALabelledQuantity() {
        String html = given().when().get("/products/MUG-001")
                .then().statusCode(200)
                .body(containsString("<h1>Ceramic Mug</h1>"), containsString("€12.99"),
                        containsString("<label for=\"quantity\">Quantity</label>"),
                        containsString("alt=\"Ceramic Mug\""), containsString("action=\"/cart/items\""))
                .extract().asString();
        Matcher image = Pattern.compile("<img src=\"(/images/[a-z0-9-]+\\.svg)\" alt=\"Ceramic Mug\"").matcher(html);
        assertThat(image.find()).as("the product image is one of ours").isTrue();
        given().when().get(image.group(1)).then().statusCode(200).contentType(startsWith("image/svg+xml"));
    }

    @Test
    void thePlaceholderPictureIsDecorativeAndOwnPicturesAreDescribed() {
        // NOTE-004 has no picture of its own in the storefront
        given().when().get("/products/NOTE-004").then().statusCode(200)
                .body(containsString("<img src=\"/images/placeholder.svg\" alt=\"\""),
                        not(containsString("alt=\"Notebook No. 4\"")));
        given().queryParam("page", "2").when().get("/").then().statusCode(200)
                .body(containsString("<img src=\"/images/placeholder.svg\" alt=\"\""),
                        not(containsString("alt=\"Notebook No. 14\"")));
        given().when().get("/").then().statusCode(200)
                .body(containsString("<img src=\"/images/mug-001.svg\" alt=\"Ceramic Mug\""));
    }

    @Test
    void anOutOfStockProductCannotBeAdded() {
        given().when().get("/products/LAMP-003")
                .then().statusCode(200)
                .body(containsString("Out of stock"), not(containsString("action=\"/cart/items\"")));
    }

    @Test
    void anUnknownProductIs404WithAPage() {
        given().when().get("/products/NOPE-999")
                .then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("It may have been removed from the shop"));
        given().when().get("/products/<script>")
                .then().statusCode(404).body(not(containsString("<script>")));
    }

    @Test
    void unknownPathsAndWrongMethodsGetHtmlPages() {
        given().when().get("/no/such/page")
                .then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("Page not found"), containsString("<html lang=\"en\">"));
        given().when().delete("/cart")
                .then().statusCode(405).contentType(startsWith("text/html"));
    }

    @Test
    void aClientAskingForJsonGetsProblemJson() {
        given().accept("application/json").when().get("/no/such/page")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404), "title", equalTo("Page not found"), "instance", equalTo("/no/such/page"));
        // The pages are HTML only: asking one for JSON is a client mistake, explained in JSON.
        given().accept("application/json").when().get("/")
                .then().statusCode(406).contentType(startsWith("application/problem+json")).body("status", equalTo(406));
    }

    @Test
    void stylesheetAndImagesComeFromTheServiceItself() {
        given().when().get("/css/shop.css").then().statusCode(200).contentType(startsWith("text/css"))
                .body(containsString(":focus-visible"));
        given().when().get("/images/placeholder.svg").then().statusCode(200);
        given().when().get("/")
                .then().body(not(containsString("https://")), not(containsString("<script")));
    }

    @Test
    void pagesAreNotCachedAndCarrySecurityHeaders() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", allOf(containsString("default-src 'none'"), containsString("form-action 'self'")));
    }

    private static int count(String needle, String haystack) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
