package dev.shop.systemtests.browser;

import dev.shop.localstack.Folders;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whole-page screenshots of each step, numbered in the order they were taken:
 * {@code target/screenshots/NN-step.png}. People look at these; the test does not compare pixels.
 */
final class Screenshots {

    static final Path FOLDER = Path.of("target", "screenshots");

    private final AtomicInteger taken = new AtomicInteger();

    private Screenshots() {
    }

    /** Starts an empty folder, so old pictures are never mistaken for this run's. */
    static Screenshots fresh() {
        Folders.deleteRecursively(FOLDER);
        try {
            Files.createDirectories(FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Screenshots();
    }

    /** Saves the whole page, not just the window, and returns the file. */
    Path take(ChromeDriver driver, String step) {
        Path file = FOLDER.resolve(String.format(Locale.ROOT, "%02d-%s.png", taken.incrementAndGet(), step));
        WebDriver.Window window = driver.manage().window();
        Dimension before = window.getSize();
        long pageHeight = ((Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
        // grow the window to the page so the picture shows everything below the fold too
        long chrome = before.getHeight() - ((Number) driver.executeScript("return window.innerHeight")).longValue();
        window.setSize(new Dimension(before.getWidth(), (int) Math.max(before.getHeight(), pageHeight + chrome)));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            window.setSize(before);
        }
        return file;
    }
}
