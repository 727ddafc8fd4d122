package dev.shop.systemtests.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/**
 * The storefront's pages as a shopper meets them, by the ids, classes and texts of
 * app/storefront/src/main/resources/templates. Mouse-style steps click; {@link KeyboardShopper} only types.
 */
final class Storefront {

    private final ChromeDriver driver;
    private final String baseUrl;

    Storefront(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A new shopper: no session cookie, so an empty cart. */
    void newShopper() {
        driver.get(baseUrl + "/");
        driver.manage().deleteAllCookies();
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The number next to "Cart" in the header. */
    String cartCount() {
        WebElement count = driver.findElement(By.cssSelector("header .cart-link .cart-count"));
        return count.isDisplayed() ? count.getText() : "(hidden)";
    }

    void search(String text) {
        WebElement field = driver.findElement(By.id("search-q"));
        field.clear();
        field.sendKeys(text);
        submitting(() -> field.sendKeys(Keys.ENTER));
    }

    /** The product's card in the list, found by the link to its page. */
    WebElement productCard(String sku) {
        return driver.findElement(By.xpath("//li[contains(@class,'product-card')][.//a[@href='/products/" + sku + "']]"));
    }

    void openProductFromList(String sku) {
        WebElement link = productCard(sku).findElement(By.cssSelector("a[href='/products/" + sku + "']"));
        submitting(link::click);
    }

    void addToCartFromList(String sku) {
        WebElement button = productCard(sku).findElement(By.cssSelector("form button[type=submit]"));
        submitting(button::click);
    }

    /** On a product page: types the quantity and presses "Add to cart". */
    void addToCart(String quantity) {
        WebElement field = driver.findElement(By.id("quantity"));
        field.clear();
        field.sendKeys(quantity);
        submitting(driver.findElement(By.cssSelector("form.add-form button[type=submit]"))::click);
    }

    /** The price shown on a product page. */
    String productPrice() {
        return driver.findElement(By.cssSelector(".product-info .price")).getText();
    }

    CartLine cartLine(String sku) {
        WebElement row = driver.findElement(By.xpath("//table[contains(@class,'cart-table')]/tbody/tr[.//a[@href='/products/" + sku + "']]"));
        List<WebElement> numbers = row.findElements(By.cssSelector("td.num"));
        return new CartLine(row.findElement(By.cssSelector("th a")).getText(),
                row.findElement(By.id("quantity-" + sku)).getAttribute("value"),
                numbers.get(0).getText(), numbers.get(1).getText());
    }

    List<WebElement> cartRows() {
        return driver.findElements(By.cssSelector("table.cart-table tbody tr"));
    }

    void changeQuantity(String sku, String quantity) {
        WebElement field = driver.findElement(By.id("quantity-" + sku));
        field.clear();
        field.sendKeys(quantity);
        submitting(field.findElement(By.xpath("ancestor::form//button[@type='submit']"))::click);
    }

    void remove(String sku) {
        submitting(driver.findElement(By.cssSelector("form[action='/cart/items/" + sku + "/remove'] button"))::click);
    }

    /** The total at the foot of the cart, checkout or order table. */
    String total() {
        return driver.findElement(By.cssSelector("table.cart-table tfoot .total")).getText();
    }

    void proceedToCheckout() {
        submitting(driver.findElement(By.cssSelector("a[href='/checkout']"))::click);
    }

    void placeOrder() {
        submitting(driver.findElement(By.xpath("//form[@action='/checkout']//button[normalize-space()='Place order']"))::click);
    }

    /** Error messages shown on the page (role=alert), in page order. */
    List<String> alerts() {
        return driver.findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText).toList();
    }

    /** Does something that loads a new page, and waits until that page is there. */
    void submitting(Runnable action) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> belongsToAnOldPage(oldPage));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(
                d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Whether the element's page has been replaced. Mid-navigation ChromeDriver may answer "node does not
     * belong to the document" instead of a stale-element error (ExpectedConditions.stalenessOf only knows the
     * latter, which made this wait flaky); both mean the old page is gone.
     */
    private static boolean belongsToAnOldPage(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException notInTheDocument) {
            return String.valueOf(notInTheDocument.getMessage()).contains("does not belong to the document");
        }
    }

    /** One line of the cart table as the shopper reads it. */
    record CartLine(String name, String quantity, String unitPrice, String lineTotal) {
    }
}
