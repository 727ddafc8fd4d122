package dev.shop.storefront;

import dev.shop.storefront.repository.SessionStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static dev.shop.storefront.Shopper.cartCount;
import static dev.shop.storefront.Shopper.parse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@StorefrontWithStubs
class ShopPagesTest {

    @Inject
    RedisDataSource redis;

    @Test
    void productListShowsNamesPricesInEuroAndTheCartCount() {
        Document page = parse(given().when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .extract().response());
        assertThat(page.expectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("a[href=\"#main\"]")).as("a skip link to the main content").isNotEmpty();
        assertThat(page.body().text()).contains("Ceramic Mug", "€12.99", "Organic Cotton T-Shirt", "€24.50");
        assertThat(cartCount(page)).isEqualTo("0");
        assertThat(page.select("label[for=\"search-q\"]")).as("the search box is labelled").isNotEmpty();
    }

    @Test
    void everyPageHasExactlyOneH1() {
        Shopper shopper = Shopper.arrive();
        shopper.addToCart("MUG-001", "1");
        for (String path : new String[] {"/", "/products/MUG-001", "/cart", "/checkout", "/orders", "/nope"}) {
            Elements headings = parse(shopper.get(path)).select("h1, h2");
            assertThat(headings.select("h1")).as(path + " has one h1").hasSize(1);
            assertThat(headings.first().tagName()).as(path + ": the h1 comes before any h2").isEqualTo("h1");
        }
    }

    @Test
    void firstVisitSetsASecureHttpOnlySameSiteCookieWithARandomId() {
        Response first = given().when().get("/");
        String header = first.getHeader("Set-Cookie");
        assertThat(header).startsWith(Shopper.COOKIE + "=").contains("; Secure", "; HttpOnly", "; SameSite=Lax", "; Path=/");
        String id = first.getCookie(Shopper.COOKIE);
        assertThat(id).as("256 random bits, base64url").matches("[A-Za-z0-9_-]{43}");
        assertThat(redis.key().ttl(SessionStore.key(id))).as("the session has a TTL in Redis").isPositive();

        Response second = given().cookie(Shopper.COOKIE, id).when().get("/");
        assertThat(second.getCookie(Shopper.COOKIE)).as("a live session keeps its id; the cookie's Max-Age slides").isEqualTo(id);
        assertThat(given().when().get("/").getCookie(Shopper.COOKIE)).as("every visitor gets a new id").isNotEqualTo(id);
    }

    @Test
    void anUnknownSessionIdIsReplacedNotAdopted() {
        String forged = "A".repeat(43);
        String issued = given().cookie(Shopper.COOKIE, forged).when().get("/").getCookie(Shopper.COOKIE);
        assertThat(issued).isNotEqualTo(forged);
        assertThat(redis.key().exists(SessionStore.key(forged))).isFalse();
    }

    @Test
    void searchFiltersProductsAndKeepsTheTextInTheBox() {
        Document page = parse(given().queryParam("q", "mug").when().get("/").then().statusCode(200).extract().response());
        assertThat(page.body().text()).contains("Ceramic Mug", "1 product matching your search").doesNotContain("Desk Lamp");
        assertThat(page.expectFirst("#search-q").val()).isEqualTo("mug");
    }

    @Test
    void pagingLeadsThroughTheWholeList() {
        Document first = parse(given().when().get("/").then().statusCode(200).extract().response());
        assertThat(first.body().text()).contains("Page 1 of 2").doesNotContain("Notebook No. 14");
        assertThat(first.select("a[href=\"/?page=2\"]")).isNotEmpty();
        Document second = parse(given().queryParam("page", "2").when().get("/").then().statusCode(200).extract().response());
        assertThat(second.body().text()).contains("Page 2 of 2", "Notebook No. 14");
        assertThat(second.select("a[href=\"/?page=1\"]")).isNotEmpty();
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
        Document page = parse(given().when().get("/products/MUG-001").then().statusCode(200).extract().response());
        assertThat(page.expectFirst("h1").text()).isEqualTo("Ceramic Mug");
        assertThat(page.body().text()).contains("€12.99");
        assertThat(page.expectFirst("label[for=\"quantity\"]").text()).isEqualTo("Quantity");
        assertThat(page.select("form[action=\"/cart/items\"]")).isNotEmpty();
        String image = page.expectFirst("img[alt=\"Ceramic Mug\"]").attr("src");
        assertThat(image).as("the product image is one of ours").matches("/images/[a-z0-9-]+\\.svg");
        given().when().get(image).then().statusCode(200).contentType(startsWith("image/svg+xml"));
    }

    @Test
    void thePlaceholderPictureIsDecorativeAndOwnPicturesAreDescribed() {
        // NOTE-004 has no picture of its own in the storefront
        Document product = parse(given().when().get("/products/NOTE-004").then().statusCode(200).extract().response());
        assertThat(product.select("img[src=\"/images/placeholder.svg\"]")).isNotEmpty().allMatch(img -> img.attr("alt").isEmpty());
        assertThat(product.select("img[alt=\"Notebook No. 4\"]")).isEmpty();
        Document second = parse(given().queryParam("page", "2").when().get("/").then().statusCode(200).extract().response());
        assertThat(second.select("img[src=\"/images/placeholder.svg\"]")).isNotEmpty().allMatch(img -> img.attr("alt").isEmpty());
        assertThat(second.select("img[alt=\"Notebook No. 14\"]")).isEmpty();
        Document first = parse(given().when().get("/").then().statusCode(200).extract().response());
        assertThat(first.expectFirst("img[src=\"/images/mug-001.svg\"]").attr("alt")).isEqualTo("Ceramic Mug");
    }

    @Test
    void anOutOfStockProductCannotBeAdded() {
        Document page = parse(given().when().get("/products/LAMP-003").then().statusCode(200).extract().response());
        assertThat(page.body().text()).contains("Out of stock");
        assertThat(page.select("form[action=\"/cart/items\"]")).isEmpty();
    }

    @Test
    void anUnknownProductIs404WithAPage() {
        given().when().get("/products/NOPE-999")
                .then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("It may have been removed from the shop"));
        Document escaped = parse(given().when().get("/products/<script>").then().statusCode(404).extract().response());
        assertThat(escaped.select("script")).as("the path is shown as text, never as markup").isEmpty();
    }

    @Test
    void unknownPathsAndWrongMethodsGetHtmlPages() {
        Document page = parse(given().when().get("/no/such/page")
                .then().statusCode(404).contentType(startsWith("text/html")).extract().response());
        assertThat(page.body().text()).contains("Page not found");
        assertThat(page.expectFirst("html").attr("lang")).isEqualTo("en");
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
        String front = given().when().get("/").asString();
        assertThat(front).as("nothing is loaded from elsewhere").doesNotContain("https://");
        assertThat(parse(front).select("script")).isEmpty();
    }

    @Test
    void pagesAreNotCachedAndCarrySecurityHeaders() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", allOf(containsString("default-src 'none'"), containsString("form-action 'self'")));
    }
}
