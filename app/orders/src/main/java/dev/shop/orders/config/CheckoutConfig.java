package dev.shop.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "orders.checkout")
public interface CheckoutConfig {

    /**
     * The longest a checkout request waits for its answer; the storefront's read timeout is longer
     * (docs/architecture.md, "Time budget"). A checkout that has not finished by then, its own or a
     * concurrent one with the same key, is answered 409 checkout-in-progress with Retry-After and keeps
     * running; a retry with the key then gets its outcome. Longer than the worst catalog reservation
     * (CatalogGateway.WORST_RESERVE), so only a slow database makes a checkout outlive it.
     */
    @WithDefault("10S")
    Duration answerWithin();

    /**
     * A PENDING order older than this was left behind by a crash between claiming its key and
     * confirming it; the next retry with the key releases its stock and starts afresh.
     */
    @WithDefault("2M")
    Duration stalePendingAfter();

    /** How often releases catalog has not confirmed yet are asked for again. */
    @WithDefault("30S")
    Duration releaseRetryEvery();
}
