package dev.shop.storefront.web;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/** The one decision, for the 413 route and the error mappers alike, between a page and problem+json. */
class WantsJsonTest {

    @Test
    void browsersCurlAndWildcardsGetPages() {
        assertThat(ErrorPages.wantsJson(null)).isFalse();
        assertThat(ErrorPages.wantsJson("*/*")).isFalse();
        assertThat(ErrorPages.wantsJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isFalse();
        assertThat(ErrorPages.wantsJson("application/json, text/html;q=0.1")).as("HTML listed at all wins").isFalse();
        assertThat(ErrorPages.wantsJson("application/*")).isFalse();
    }

    @Test
    void aClientListingOnlyJsonGetsProblemJson() {
        assertThat(ErrorPages.wantsJson("application/json")).isTrue();
        assertThat(ErrorPages.wantsJson("application/problem+json, */*;q=0.1")).isTrue();
        assertThat(ErrorPages.wantsJson("Application/JSON; charset=utf-8")).isTrue();
    }
}
