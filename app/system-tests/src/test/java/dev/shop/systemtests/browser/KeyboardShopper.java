package dev.shop.systemtests.browser;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A shopper with a keyboard and no mouse: keys go to whatever has focus, through WebDriver's key actions;
 * nothing is clicked and no element is addressed directly. Records where focus went, for order assertions.
 */
final class KeyboardShopper {

    private static final int MAX_TABS = 60;

    private final ChromeDriver driver;
    private final Storefront storefront;
    private final List<String> focusPath = new ArrayList<>();

    KeyboardShopper(Storefront storefront) {
        this.storefront = storefront;
        this.driver = storefront.driver();
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** The stops focus made since the last page load, each as a short description. */
    List<String> focusPath() {
        return List.copyOf(focusPath);
    }

    /** Presses Tab once and checks focus moved forward in document order (no positive tabindex surprises). */
    WebElement tab() {
        WebElement before = focused();
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement after = focused();
        focusPath.add(describe(after));
        Boolean forward = (Boolean) driver.executeScript(
                "const [a, b] = arguments; return a === document.body || a === document.documentElement"
                        + " || !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);", before, after);
        assertThat(forward).as("Tab moved focus backwards: from %s to %s", describe(before), describe(after)).isTrue();
        assertVisiblyFocused(after);
        return after;
    }

    /** Tabs until {@code wanted} holds for the focused element; fails if it never does. */
    WebElement tabTo(String what, Predicate<WebElement> wanted) {
        for (int i = 0; i < MAX_TABS; i++) {
            WebElement element = tab();
            if (wanted.test(element)) {
                return element;
            }
        }
        return fail("never reached %s by Tab; focus went: %s", what, focusPath);
    }

    /** Enter on the focused link or button, waiting for the page it leads to. */
    void pressEnterAndWaitForPage() {
        storefront.submitting(() -> new Actions(driver).sendKeys(Keys.ENTER).perform());
        focusPath.clear();
    }

    void pressEnter() {
        new Actions(driver).sendKeys(Keys.ENTER).perform();
    }

    /** Replaces the text of the focused field, as a person does with Ctrl+A and typing. */
    void typeOver(String text) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
    }

    void type(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    void pageLoaded() {
        focusPath.clear();
    }

    static Predicate<WebElement> linkTo(String href) {
        return element -> "a".equals(element.getTagName()) && href.equals(element.getDomAttribute("href"));
    }

    static Predicate<WebElement> withId(String id) {
        return element -> id.equals(element.getDomAttribute("id"));
    }

    static Predicate<WebElement> buttonSaying(String text) {
        return element -> "button".equals(element.getTagName()) && element.getText().strip().startsWith(text);
    }

    /** WCAG 2.4.7: a keyboard user must see where focus is (an outline or a ring drawn with box-shadow). */
    private void assertVisiblyFocused(WebElement element) {
        String style = (String) driver.executeScript(
                "const s = getComputedStyle(arguments[0]);"
                        + " return s.outlineStyle + ' ' + s.outlineWidth + ' | ' + s.boxShadow;", element);
        boolean outline = !style.startsWith("none") && !style.contains(" 0px |");
        boolean ring = !style.endsWith("| none");
        assertThat(outline || ring).as("no visible focus indicator on %s (%s)", describe(element), style).isTrue();
    }

    String describe(WebElement element) {
        return (String) driver.executeScript("""
                const e = arguments[0];
                if (e === document.body) return 'body';
                const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
                const where = e.closest('main') ? 'main' : e.closest('nav') ? 'nav' : e.closest('header') ? 'header' : 'page';
                return where + ':' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '"' + text.substring(0, 40) + '"';
                """, element);
    }
}
