package dev.shop.orders.service;

import dev.shop.orders.config.CheckoutConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Asks catalog again, every {@link CheckoutConfig#releaseRetryEvery()}, for the releases it has not confirmed
 * (catalog was away when a checkout gave up). Releases are idempotent, so asking twice is harmless.
 */
@ApplicationScoped
public class OwedReleases {

    private static final int BATCH = 100;

    private final OrderStore store;
    private final CheckoutService checkout;
    private final ManagedExecutor executor;

    public OwedReleases(OrderStore store, CheckoutService checkout, ManagedExecutor executor) {
        this.store = store;
        this.checkout = checkout;
        this.executor = executor;
    }

    void schedule(@Observes StartupEvent started, Vertx vertx, CheckoutConfig config) {
        vertx.setPeriodic(config.releaseRetryEvery().toMillis(), timer -> executor.runAsync(this::askAgain));
    }

    void askAgain() {
        try {
            store.owedReleases(BATCH).forEach(checkout::release);
        } catch (RuntimeException e) {
            Log.warnf("could not read the releases owed to catalog; next round later: %s", e.toString());
        }
    }
}
