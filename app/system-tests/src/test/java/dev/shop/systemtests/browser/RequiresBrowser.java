package dev.shop.systemtests.browser;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a browser test class, with a one-line reason, on a machine without Chromium. Registered before
 * {@code RunningShopExtension} so a skipped class does not start the shop first.
 */
public final class RequiresBrowser implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.assumePresent();
    }
}
