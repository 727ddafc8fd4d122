package dev.shop.systemtests;

import dev.shop.localstack.Folders;
import dev.shop.localstack.LocalShop;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shop under test: started once per test run (PostgreSQL, Redis, catalog, orders, storefront, on
 * free ports) and stopped when the run ends. Test classes get it with {@link #get(ExtensionContext)} or
 * {@link #shop()} after registering {@link RunningShopExtension}.
 */
public final class RunningShop implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private static final Object LOCK = new Object();
    private static RunningShop instance;

    private final LocalShop shop;
    private final Path dataDir;

    private RunningShop(LocalShop shop, Path dataDir) {
        this.shop = shop;
        this.dataDir = dataDir;
    }

    public static LocalShop shop() {
        synchronized (LOCK) {
            if (instance == null) {
                throw new IllegalStateException("register RunningShopExtension on the test class");
            }
            return instance.shop;
        }
    }

    static void ensureStarted(ExtensionContext context) {
        synchronized (LOCK) {
            if (instance != null) {
                return;
            }
            Path appDir = Path.of(System.getProperty("app.dir", "..")).toAbsolutePath().normalize();
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("shop-system-tests");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalShop shop = LocalShop.startBehindFaultProxies(LocalShop.Options.forTests(appDir, dataDir, line -> {
                if (Boolean.getBoolean("shop.verbose")) {
                    System.out.println(line);
                }
            }));
            instance = new RunningShop(shop, dataDir);
            // the root store closes it once, when the whole test run ends
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningShop.class, instance);
        }
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            shop.close();
            Folders.deleteRecursively(dataDir);
            instance = null;
        }
    }
}
