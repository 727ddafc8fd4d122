package dev.shop.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the shop before the first test class that needs it. */
public final class RunningShopExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RunningShop.ensureStarted(context);
    }
}
