package dev.shop.systemtests.browser;

import dev.shop.systemtests.RunningShopExtension;
import dev.shop.systemtests.browser.ShopUnderTest.Product;
import dev.shop.systemtests.browser.Storefront.CartLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.List;

import static dev.shop.systemtests.browser.KeyboardShopper.buttonSaying;
import static dev.shop.systemtests.browser.KeyboardShopper.linkTo;
import static dev.shop.systemtests.browser.KeyboardShopper.withId;
import static dev.shop.systemtests.browser.PageChecks.assertAccessible;
import static dev.shop.systemtests.browser.PageChecks.euroCents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront in Debian's Chromium, the way a shopper uses it: with a mouse, with a keyboard only, and when
 * things go wrong. Every page of the flow is screenshotted (target/screenshots) and checked for accessibility.
 */
@ExtendWith({RequiresBrowser.class, RunningShopExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorefrontBrowserTest {

    /** Words from the server's insides that a shopper must never read. */
    private static final List<String> TECHNICAL_WORDS =
            List.of("Exception", "problem+json", "null", "HTTP 4", "HTTP 5", "409", "422", "stack");

    private static Browser browser;
    private static Screenshots screenshots;
    private Storefront shop;
    private ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        screenshots = Screenshots.fresh();
        browser = Browser.start(Path.of("target", "chromedriver.log"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void newShopper() {
        driver = browser.driver();
        shop = new Storefront(driver, ShopUnderTest.storefront());
        shop.newShopper();
    }

    @Test
    @Order(1)
    void shopperBrowsesFillsAndChangesTheCartChecksOutAndSeesTheRightTotal() {
        Product teapot = ShopUnderTest.createProduct("Stoneware teapot", 3_450, 20);
        Product towel = ShopUnderTest.createProduct("Linen tea towel", 1_299, 20);
        Product scoop = ShopUnderTest.createProduct("Bamboo tea scoop", 675, 20);

        shop.open("/");
        step("home", "Our products");
        assertThat(shop.cartCount()).isEqualTo("0");
        List<WebElement> prices = driver.findElements(By.cssSelector(".product-card .price"));
        assertThat(prices).as("prices on the product list").isNotEmpty();
        prices.forEach(price -> euroCents(price.getText()));

        shop.search("teapot");
        step("search-results", "Search results for “teapot”");
        assertThat(euroCents(shop.productCard(teapot.sku()).findElement(By.className("price")).getText()))
                .isEqualTo(teapot.priceMinor());

        shop.openProductFromList(teapot.sku());
        step("product", teapot.name());
        assertThat(euroCents(shop.productPrice())).isEqualTo(teapot.priceMinor());
        shop.addToCart("2");
        step("cart-first-product", "Your cart");
        assertThat(shop.cartCount()).isEqualTo("2");
        assertThat(shop.cartLine(teapot.sku()).quantity()).isEqualTo("2");

        shop.search("tea towel");
        shop.addToCartFromList(towel.sku());
        step("cart-second-product", "Your cart");
        assertThat(shop.cartCount()).isEqualTo("3");

        shop.search("scoop");
        shop.openProductFromList(scoop.sku());
        shop.addToCart("1");
        step("cart-three-products", "Your cart");
        assertThat(shop.cartRows()).hasSize(3);

        shop.changeQuantity(towel.sku(), "3");
        step("cart-quantity-changed", "Your cart");
        CartLine towels = shop.cartLine(towel.sku());
        assertThat(towels.quantity()).isEqualTo("3");
        assertThat(euroCents(towels.unitPrice())).isEqualTo(towel.priceMinor());
        assertThat(euroCents(towels.lineTotal())).isEqualTo(3 * towel.priceMinor());
        assertThat(shop.cartCount()).isEqualTo("6");

        shop.remove(scoop.sku());
        step("cart-one-removed", "Your cart");
        assertThat(shop.cartRows()).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("a[href='/products/" + scoop.sku() + "']"))).isEmpty();
        assertThat(shop.cartCount()).isEqualTo("5");

        long expectedTotal = 2 * ShopUnderTest.product(teapot.sku()).priceMinor()
                + 3 * ShopUnderTest.product(towel.sku()).priceMinor();
        assertThat(euroCents(shop.total())).isEqualTo(expectedTotal);

        shop.proceedToCheckout();
        step("checkout", "Checkout");
        assertThat(euroCents(shop.total())).isEqualTo(expectedTotal);

        shop.placeOrder();
        step("confirmation", "Thank you for your order");
        assertThat(shop.path()).startsWith("/orders/");
        assertThat(euroCents(shop.total())).isEqualTo(expectedTotal);
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("is confirmed");
        assertThat(shop.cartCount()).isEqualTo("0");
        assertThat(ShopUnderTest.product(teapot.sku()).stock()).isEqualTo(18);
        assertThat(ShopUnderTest.product(towel.sku()).stock()).isEqualTo(17);
    }

    @Test
    @Order(2)
    void shopperReadsPlainWordsForAnInvalidQuantityAndForStockThatRanOut() {
        Product vase = ShopUnderTest.createProduct("Hand-thrown vase", 5_900, 2);

        shop.open("/products/" + vase.sku());
        WebElement quantity = driver.findElement(By.id("quantity"));
        quantity.clear();
        quantity.sendKeys("0");
        driver.findElement(By.cssSelector("form.add-form button[type=submit]")).click();
        // the browser itself refuses first (min=1), in its own words, and stays on the page
        assertThat(shop.path()).isEqualTo("/products/" + vase.sku());
        assertThat(quantity.getAttribute("validationMessage")).isNotBlank();
        screenshots.take(driver, "invalid-quantity-refused-by-browser");

        // a browser that does not validate forms sends it anyway: the shop must answer in words too
        driver.executeScript("arguments[0].noValidate = true", driver.findElement(By.cssSelector("form.add-form")));
        shop.submitting(driver.findElement(By.cssSelector("form.add-form button[type=submit]"))::click);
        step("invalid-quantity-refused-by-shop", vase.name());
        assertShopperMessage(shop.alerts(), "whole number");
        assertThat(driver.findElement(By.id("quantity")).getDomAttribute("aria-invalid")).isEqualTo("true");

        shop.addToCart("2");
        assertThat(shop.cartLine(vase.sku()).quantity()).isEqualTo("2");
        ShopUnderTest.someoneElseBuys(vase.sku(), 1);

        shop.changeQuantity(vase.sku(), "3");
        step("more-than-in-stock", "Your cart");
        assertShopperMessage(shop.alerts(), "only have 1");

        shop.open("/checkout");
        shop.placeOrder();
        step("out-of-stock-at-checkout", "Checkout");
        assertShopperMessage(shop.alerts(), "enough stock");
        assertThat(shop.path()).isEqualTo("/checkout");

        ShopUnderTest.someoneElseBuys(vase.sku(), 1);
        shop.open("/products/" + vase.sku());
        step("out-of-stock-product", vase.name());
        assertThat(driver.findElement(By.cssSelector(".product-info .stock")).getText()).isEqualTo("Out of stock");
        assertThat(driver.findElements(By.cssSelector("form.add-form"))).isEmpty();
    }

    @Test
    @Order(3)
    void shopperChecksOutWithTheKeyboardAlone() {
        Product kettle = ShopUnderTest.createProduct("Enamel kettle", 4_200, 10);
        KeyboardShopper keyboard = new KeyboardShopper(shop);

        shop.open("/");
        keyboard.pageLoaded();
        WebElement skipLink = keyboard.tab();
        assertThat(skipLink.getText()).isEqualTo("Skip to main content");
        assertThat((Boolean) driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0;", skipLink))
                .as("the skip link shows itself when focused").isTrue();
        screenshots.take(driver, "keyboard-skip-link");
        keyboard.tabTo("the first link of the product list", e -> keyboard.describe(e).startsWith("main:"));
        List<String> path = keyboard.focusPath();
        assertThat(path.get(0)).as("first stop").isEqualTo("page:a\"Skip to main content\"");
        assertThat(path.subList(1, path.size() - 1)).as("focus order: header and navigation before the content")
                .allMatch(stop -> stop.startsWith("header:") || stop.startsWith("nav:"));
        assertThat(String.join(" ", path)).as("focus order").containsSubsequence(
                "header:input#search-q", "nav:a\"Products", "nav:a\"My orders", "nav:a\"Cart", "main:");

        // the skip link takes a keyboard user straight to the content
        shop.open("/");
        keyboard.pageLoaded();
        keyboard.tab();
        keyboard.pressEnter();
        assertThat(keyboard.describe(keyboard.tab())).startsWith("main:");

        shop.open("/");
        keyboard.pageLoaded();
        keyboard.tabTo("the search field", withId("search-q"));
        keyboard.type(kettle.name());
        keyboard.pressEnterAndWaitForPage();
        keyboard.tabTo("the link to the kettle", linkTo("/products/" + kettle.sku()));
        keyboard.pressEnterAndWaitForPage();
        assertThat(shop.heading()).isEqualTo(kettle.name());

        keyboard.tabTo("the quantity field", withId("quantity"));
        keyboard.typeOver("2");
        keyboard.tabTo("the add button", buttonSaying("Add to cart"));
        screenshots.take(driver, "keyboard-product");
        keyboard.pressEnterAndWaitForPage();
        assertThat(shop.heading()).isEqualTo("Your cart");
        assertThat(shop.cartLine(kettle.sku()).quantity()).isEqualTo("2");
        screenshots.take(driver, "keyboard-cart");

        keyboard.tabTo("the checkout link", linkTo("/checkout"));
        keyboard.pressEnterAndWaitForPage();
        assertThat(shop.heading()).isEqualTo("Checkout");
        keyboard.tabTo("the place-order button", buttonSaying("Place order"));
        keyboard.pressEnterAndWaitForPage();

        step("keyboard-confirmation", "Thank you for your order");
        assertThat(euroCents(shop.total())).isEqualTo(2 * ShopUnderTest.product(kettle.sku()).priceMinor());
    }

    /** A page reached in the flow: right heading, a picture of it, and every accessibility check. */
    private void step(String name, String expectedHeading) {
        assertThat(shop.heading()).as("heading of the %s page", name).isEqualTo(expectedHeading);
        screenshots.take(driver, name);
        assertAccessible(driver, name);
    }

    private static void assertShopperMessage(List<String> alerts, String expectedWords) {
        assertThat(alerts).as("the message shown to the shopper").hasSize(1);
        String message = alerts.get(0);
        assertThat(message).containsIgnoringCase(expectedWords);
        TECHNICAL_WORDS.forEach(word -> assertThat(message).doesNotContainIgnoringCase(word));
    }
}
