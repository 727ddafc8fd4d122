package dev.shop.storefront.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one decision, for the 413 route and the error mappers alike, between a page and problem+json. */
class WantsJsonTest {

    @Test
    void browsersCurlAndWildcardsGetPages() {
        assertFalse(ErrorPages.wantsJson(null));
        assertFalse(ErrorPages.wantsJson("*/*"));
        assertFalse(ErrorPages.wantsJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertFalse(ErrorPages.wantsJson("application/json, text/html;q=0.1"), "HTML listed at all wins");
        assertFalse(ErrorPages.wantsJson("application/*"));
    }

    @Test
    void aClientListingOnlyJsonGetsProblemJson() {
        assertTrue(ErrorPages.wantsJson("application/json"));
        assertTrue(ErrorPages.wantsJson("application/problem+json, */*;q=0.1"));
        assertTrue(ErrorPages.wantsJson("Application/JSON; charset=utf-8"));
    }
}
