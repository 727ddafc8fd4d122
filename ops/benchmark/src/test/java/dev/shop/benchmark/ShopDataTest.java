package dev.shop.benchmark;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shopper sessions read the CSRF token out of the storefront's pages: every form that posts carries it. */
class ShopDataTest {

    private static final Path TEMPLATES = Path.of("../../app/storefront/src/main/resources/templates");

    @ParameterizedTest
    @ValueSource(strings = {"products.html", "product.html", "cart.html", "checkout.html"})
    void findsTheCsrfTokenOfEveryFormThatPosts(String page) throws IOException {
        assertEquals("{page.csrfToken}", ShopData.csrfToken(Files.readString(TEMPLATES.resolve(page))).orElseThrow(), page);
    }
}
