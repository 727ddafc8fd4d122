package dev.shop.systemtests.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page of the flow must get right for every shopper: Deque's axe-core (bundled in its jar, nothing
 * fetched) on the rules that matter here, plus a few plain assertions of our own that say exactly what is wrong.
 */
final class PageChecks {

    /**
     * The axe rules for: images, form labels, headings, colour contrast (WCAG AA), and what makes a page usable
     * with a screen reader or keyboard at all (title, language, names of links and buttons, landmarks, skip link).
     */
    static final List<String> AXE_RULES = List.of(
            "image-alt", "role-img-alt", "svg-img-alt", "input-image-alt",
            "label", "form-field-multiple-labels", "select-name",
            "heading-order", "page-has-heading-one", "empty-heading",
            "color-contrast",
            "document-title", "html-has-lang", "html-lang-valid",
            "link-name", "button-name", "landmark-one-main", "region", "skip-link", "bypass",
            "duplicate-id-aria", "aria-valid-attr", "aria-valid-attr-value", "list", "listitem",
            "td-headers-attr", "th-has-data-cells");

    /** A price as the pages show it: the euro sign, then the amount with grouping and cents, e.g. €1,234.50. */
    private static final Pattern EURO_PRICE = Pattern.compile("€(\\d{1,3}(?:,\\d{3})*)\\.(\\d{2})");

    private static final String OWN_CHECKS = """
            const problems = [];
            const h1 = document.querySelectorAll('h1');
            if (h1.length !== 1) problems.push('expected exactly one h1, found ' + h1.length);
            let previous = 0;
            for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
              const level = Number(h.tagName.substring(1));
              if (level > previous + 1) {
                problems.push('heading level skipped: ' + h.tagName + ' "' + h.textContent.trim() + '" after h' + previous);
              }
              previous = level;
            }
            for (const img of document.querySelectorAll('img')) {
              if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.outerHTML);
            }
            // a product's own picture must say what it shows; the shared placeholder may stay silent
            for (const img of document.querySelectorAll(
                '.product-card img:not([src$="placeholder.svg"]), .product-detail img:not([src$="placeholder.svg"])')) {
              if (!img.getAttribute('alt') || !img.getAttribute('alt').trim()) {
                problems.push('product picture without a description: ' + img.outerHTML);
              }
            }
            const fields = document.querySelectorAll(
              'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea');
            for (const field of fields) {
              const labelled = Array.from(field.labels || []).some(l => l.textContent.trim().length > 0);
              if (!labelled) problems.push('form field without a label: ' + field.outerHTML);
            }
            return problems;
            """;

    private PageChecks() {
    }

    /** Runs axe and our own checks on the page now in the browser; fails with every finding listed. */
    static void assertAccessible(ChromeDriver driver, String page) {
        Results results = new AxeBuilder().withOnlyRules(AXE_RULES).analyze(driver);
        assertThat(results.isErrored()).as("axe-core could not run on %s: %s", page, results.getErrorMessage()).isFalse();
        List<String> findings = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            findings.add(describe("axe " + violation.getId() + " (" + violation.getHelp() + ")", violation));
        }
        // contrast axe could not decide (text over an image, say) is not known to pass AA, so it counts too
        for (Rule undecided : results.getIncomplete()) {
            if (undecided.getId().equals("color-contrast")) {
                findings.add(describe("axe color-contrast undecided", undecided));
            }
        }
        @SuppressWarnings("unchecked")
        List<String> own = (List<String>) driver.executeScript(OWN_CHECKS);
        findings.addAll(own);
        assertThat(findings).as("accessibility of %s (%s)", page, driver.getCurrentUrl()).isEmpty();
        assertThat(results.getPasses()).as("axe checked something on %s", page).isNotEmpty();
    }

    /** The amount of a shown price in cents; fails unless it is a euro price written the way shoppers read it. */
    static long euroCents(String shown) {
        Matcher price = EURO_PRICE.matcher(shown.strip());
        assertThat(price.matches()).as("a price with its currency, like €12.99: \"%s\"", shown).isTrue();
        return Long.parseLong(price.group(1).replace(",", "") + price.group(2));
    }

    private static String describe(String what, Rule rule) {
        StringBuilder text = new StringBuilder(what);
        for (CheckedNode node : rule.getNodes()) {
            text.append("\n    at ").append(node.getTarget()).append(": ").append(node.getHtml());
            if (node.getFailureSummary() != null) {
                text.append("\n       ").append(node.getFailureSummary().replace("\n", " "));
            }
        }
        return text.toString();
    }
}
