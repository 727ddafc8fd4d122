package dev.shop.orders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "orders.checkout")
public interface CheckoutConfig {

    /**
     * How long a retry waits for a concurrent checkout with the same key before answering 409 with
     * Retry-After. A little longer than the worst catalog call (three attempts of at most 3 s).
     */
    @WithDefault("12S")
    Duration inFlightWait();

    /**
     * A PENDING order older than this was left behind by a crash between claiming its key and
     * confirming it; the next retry with the key releases its stock and starts afresh.
     */
    @WithDefault("2M")
    Duration stalePendingAfter();
}
