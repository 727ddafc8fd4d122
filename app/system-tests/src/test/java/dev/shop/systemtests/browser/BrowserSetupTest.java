package dev.shop.systemtests.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser under test is Debian's, started through Debian's chromedriver, and Selenium Manager (which
 * downloads browsers and drivers) never runs. Needs no shop.
 */
@ExtendWith(RequiresBrowser.class)
class BrowserSetupTest {

    @Test
    void drivesDebianChromiumThroughDebianChromedriverWithoutSeleniumManager() throws Exception {
        try (Browser browser = Browser.start(Path.of("target", "chromedriver-setup.log"))) {
            browser.driver().get("data:text/html,<title>ready</title><h1>ready</h1>");
            assertThat(browser.driver().getTitle()).isEqualTo("ready");

            // the driver Selenium started is the installed one, whichever link Debian resolves it through
            assertThat(Files.isSameFile(Path.of(browser.driverExecutable()), Browser.CHROMEDRIVER))
                    .as("%s is the installed %s", browser.driverExecutable(), Browser.CHROMEDRIVER).isTrue();
            assertThat(browser.seleniumManagerRecords()).as("Selenium Manager's log").isEmpty();

            // the browser that answered is the installed one, not a downloaded one
            assertThat(versionPrintedBy(Browser.CHROMIUM))
                    .contains(browser.driver().getCapabilities().getBrowserVersion());
            @SuppressWarnings("unchecked")
            Map<String, Object> chrome = (Map<String, Object>) browser.driver().getCapabilities().getCapability("chrome");
            assertThat(versionPrintedBy(Browser.CHROMEDRIVER))
                    .contains((String) chrome.get("chromedriverVersion"));
            assertThat((String) chrome.get("userDataDir")).contains("shop-chromium-profile");
        }
    }

    private static String versionPrintedBy(Path executable) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s --version", executable).isZero();
        return out.strip() + " ";
    }
}
