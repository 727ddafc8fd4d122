package dev.shop.loadtest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulations read the storefront's pages: these checks fail when a template stops carrying what
 * they extract (field names, the texts they look for), before a load run would.
 */
class StorefrontFormsTest {

    private static final Path TEMPLATES = Path.of("../../app/storefront/src/main/resources/templates");

    @Test
    void everyFormThatPostsCarriesTheCsrfToken() throws IOException {
        for (String page : new String[] {"products.html", "product.html", "cart.html", "checkout.html"}) {
            String html = template(page);
            assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"{page.csrfToken}\">"), page);
        }
    }

    @Test
    void productListNamesInStockSkusAndLinksProducts() throws IOException {
        String html = template("products.html");
        assertTrue(html.contains("<input type=\"hidden\" name=\"sku\" value=\"{product.sku}\">"));
        assertTrue(Pattern.compile("href=\"/products/([^\"]+)\"").matcher(html).find());
        assertTrue(html.contains("matching your search"));
    }

    @Test
    void productPageShowsItsCode() throws IOException {
        assertTrue(template("product.html").contains("Product code: {detail.product.sku}"));
    }

    @Test
    void cartShowsEachLinesQuantityField() throws IOException {
        String html = template("cart.html");
        assertTrue(Pattern.compile("id=\"quantity-\\{line.product.sku}\"[^>]*value=\"\\{cart.quantityValue\\(line\\)}\"")
                .matcher(html).find(), "quantity input with id before value");
    }

    @Test
    void checkoutCarriesTheIdempotencyKeyAndConfirmationThanks() throws IOException {
        assertTrue(template("checkout.html")
                .contains("<input type=\"hidden\" name=\"idempotencyKey\" value=\"{checkout.idempotencyKey}\">"));
        assertTrue(template("order.html").contains("Thank you for your order"));
    }

    private static String template(String name) throws IOException {
        return Files.readString(TEMPLATES.resolve(name));
    }
}
