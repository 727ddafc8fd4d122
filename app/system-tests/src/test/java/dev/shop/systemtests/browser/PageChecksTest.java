package dev.shop.systemtests.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page checks catch what they claim to catch: proven on small pages of our own, without the shop. */
@ExtendWith(RequiresBrowser.class)
class PageChecksTest {

    private static final String GOOD_PAGE = """
            <!DOCTYPE html><html lang="en"><head><title>Good</title></head><body>
            <a href="#main">Skip to main content</a>
            <main id="main"><h1>Mugs</h1><h2>Stoneware</h2>
            <ul class="product-grid"><li class="product-card"><img src="/none.svg" alt="A grey stoneware mug"></li></ul>
            <form><label for="q">Quantity</label><input id="q" type="number" value="1"><button>Add</button></form>
            </main></body></html>""";

    private static final String BAD_PAGE = """
            <!DOCTYPE html><html lang="en"><head><title>Bad</title></head><body>
            <main><h1>Mugs</h1><h3>Stoneware</h3><h1>Again</h1>
            <ul class="product-grid"><li class="product-card"><img src="/none.svg"></li></ul>
            <form><input id="q" type="number" value="1"><button>Add</button></form>
            <p style="color:#bbb;background:#fff">Pale grey on white</p>
            </main></body></html>""";

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(Path.of("target", "chromedriver-page-checks.log"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aWellMadePagePasses() {
        show(GOOD_PAGE);
        PageChecks.assertAccessible(browser.driver(), "good page");
    }

    @Test
    void everyKindOfMistakeIsNamed() {
        show(BAD_PAGE);
        assertThatThrownBy(() -> PageChecks.assertAccessible(browser.driver(), "bad page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("axe image-alt")
                .hasMessageContaining("axe label")
                .hasMessageContaining("axe heading-order")
                .hasMessageContaining("axe color-contrast")
                .hasMessageContaining("expected exactly one h1, found 2")
                .hasMessageContaining("heading level skipped: H3")
                .hasMessageContaining("image without alt")
                .hasMessageContaining("form field without a label");
    }

    @Test
    void pricesMustCarryTheirCurrency() {
        assertThat(PageChecks.euroCents("€1,234.50")).isEqualTo(123_450);
        assertThat(PageChecks.euroCents(" €9.05 ")).isEqualTo(905);
        assertThatThrownBy(() -> PageChecks.euroCents("12.99")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> PageChecks.euroCents("€12.9")).isInstanceOf(AssertionError.class);
    }

    private static void show(String html) {
        browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
