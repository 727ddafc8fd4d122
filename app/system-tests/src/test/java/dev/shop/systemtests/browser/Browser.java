package dev.shop.systemtests.browser;

import dev.shop.localstack.Folders;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver. Both paths are given to Selenium explicitly so
 * that Selenium Manager (which would download a browser or driver) never runs; {@link #seleniumManagerRecords()}
 * lets a test prove that.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Root, closed network, no GPU: these are the flags this machine (and CI) needs. */
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1280,900", "--lang=en-GB");

    // kept strongly reachable: java.util.logging holds loggers weakly and would drop the levels set here
    private static final Logger SELENIUM_MANAGER = Logger.getLogger("org.openqa.selenium.manager.SeleniumManager");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path userDataDir;
    private final RecordingHandler seleniumManagerLog;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path userDataDir,
                    RecordingHandler seleniumManagerLog) {
        this.driver = driver;
        this.service = service;
        this.userDataDir = userDataDir;
        this.seleniumManagerLog = seleniumManagerLog;
    }

    /** Skips (not fails) the calling test class when this machine has no browser. */
    static void assumePresent() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (ops/bin/install-test-deps installs Debian's chromium and chromium-driver)");
    }

    /** Starts a fresh browser with its own empty profile; chromedriver's log goes to {@code driverLog}. */
    static Browser start(Path driverLog) {
        RecordingHandler seleniumManagerLog = RecordingHandler.attachTo(SELENIUM_MANAGER);
        Path userDataDir;
        try {
            userDataDir = Files.createTempDirectory("shop-chromium-profile");
            Files.createDirectories(driverLog.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(FLAGS)
                .addArguments("--user-data-dir=" + userDataDir);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            Folders.deleteRecursively(userDataDir);
            throw e;
        }
        // a ceiling, not a measurement: on a busy 2-core machine a renderer can stall for tens of seconds
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        return new Browser(driver, service, userDataDir, seleniumManagerLog);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Anything Selenium Manager logged while this browser started: empty when it never ran. */
    List<String> seleniumManagerRecords() {
        return seleniumManagerLog.messages();
    }

    /** The chromedriver executable Selenium actually started. */
    String driverExecutable() {
        return service.getExecutable();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            seleniumManagerLog.detach();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try {
            Folders.deleteRecursively(userDataDir);
        } catch (UncheckedIOException stillWritten) {
            // a Chromium helper may still be flushing its profile; a leftover temp folder harms nothing
        }
    }

    /** Collects every record of one logger, whatever the global logging configuration says. */
    private static final class RecordingHandler extends Handler {
        private final Logger logger;
        private final Level previousLevel;
        private final List<String> messages = new ArrayList<>();

        private RecordingHandler(Logger logger) {
            this.logger = logger;
            this.previousLevel = logger.getLevel();
        }

        static RecordingHandler attachTo(Logger logger) {
            RecordingHandler handler = new RecordingHandler(logger);
            handler.setLevel(Level.ALL);
            logger.setLevel(Level.ALL);
            logger.addHandler(handler);
            return handler;
        }

        synchronized List<String> messages() {
            return List.copyOf(messages);
        }

        void detach() {
            logger.removeHandler(this);
            logger.setLevel(previousLevel);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null && record.getParameters().length > 0) {
                message = java.text.MessageFormat.format(message, record.getParameters());
            }
            messages.add(message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
