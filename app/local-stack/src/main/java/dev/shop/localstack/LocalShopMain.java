package dev.shop.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ops/bin/shop-local}: runs the shop on this machine until Ctrl-C.
 * Usage: {@code LocalShopMain <repo root> [--reset]}. Data lives in {@code <repo root>/.local/}.
 */
public final class LocalShopMain {

    /** One generator for the process: seeding a new SecureRandom per use costs entropy for nothing. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalShopMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--reset"))) {
            System.err.println("usage: shop-local [--reset]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path local = root.resolve(".local");
        if (args.length == 2) {
            Folders.deleteRecursively(local);
            System.out.println("Deleted " + local + " (PostgreSQL and Redis data).");
        }
        Files.createDirectories(local);
        String adminPassword = adminPassword(local.resolve("admin-password"));

        LocalShop shop;
        try {
            shop = LocalShop.start(LocalShop.Options.localRun(root.resolve("app"), local.resolve("data"),
                    adminPassword, System.out::println));
        } catch (RuntimeException e) {
            System.err.println("shop-local: " + e.getMessage());
            System.exit(3);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the shop ...");
            shop.close();
            stopped.countDown();
        }, "shop-local-stop"));

        System.out.println();
        System.out.printf("The shop is running:  http://localhost:%d%n", shop.service(LocalShop.STOREFRONT).port());
        System.out.printf("  catalog API         http://localhost:%d/api/products  (admin: admin / %s, see .local/admin-password)%n",
                shop.service(LocalShop.CATALOG).port(), adminPassword);
        System.out.printf("  orders API          http://localhost:%d/api/orders%n", shop.service(LocalShop.ORDERS).port());
        System.out.println("  health, metrics     /q/health, /q/metrics on each");
        System.out.printf("  data                %s  (reset: ops/bin/shop-local --reset)%n", local);
        System.out.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }

    /** A random admin password made on the first run and kept, so it is never a well-known default. */
    private static String adminPassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return password;
    }
}
