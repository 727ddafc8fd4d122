package dev.shop.orders.service;

import dev.shop.orders.client.CatalogGateway;
import dev.shop.orders.client.CatalogRejectedException;
import dev.shop.orders.client.CatalogUnavailableException;
import dev.shop.orders.client.Reservation;
import dev.shop.orders.client.ReservationRequest;
import dev.shop.orders.config.CheckoutConfig;
import dev.shop.orders.model.Order;
import dev.shop.orders.model.OrderStatus;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checkout: claim the Idempotency-Key, reserve the stock in catalog, confirm the order.
 *
 * <p>The key is claimed in its own transaction (a unique constraint decides between concurrent
 * retries), so the catalog call runs outside any transaction. A retry that finds the key finished gets
 * the same order; one that finds it still running waits for it. A checkout that fails forgets its key,
 * so the shopper can retry it; a reservation that may have happened is released.
 *
 * <p>Every request is answered within {@link CheckoutConfig#answerWithin()}: a checkout still running
 * then is answered "in progress" and finishes in the background, so a caller that waits a little longer
 * than that is always told, and never gives up on a checkout that later succeeds without knowing.
 */
@ApplicationScoped
public class CheckoutService {

    /** A checkout's result; {@code created} is false when an earlier request with the key made the order. */
    public record Outcome(Order order, boolean created) {
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final OrderStore store;
    private final CatalogGateway catalog;
    private final CheckoutConfig config;
    private final ManagedExecutor executor;

    public CheckoutService(OrderStore store, CatalogGateway catalog, CheckoutConfig config, ManagedExecutor executor) {
        this.store = store;
        this.catalog = catalog;
        this.config = config;
        this.executor = executor;
    }

    /**
     * Answers within {@link CheckoutConfig#answerWithin()}: the checkout runs on a worker, and one still
     * running then (a slow catalog or database, or a concurrent request with the key) is answered "in
     * progress" and goes on; a retry with the key gets its outcome.
     */
    public Outcome checkout(String customerId, String idempotencyKey, List<CheckoutLine> requested) {
        List<CheckoutLine> lines = normalise(requested);
        Instant answerBy = Instant.now().plus(config.answerWithin());
        CompletableFuture<Outcome> work = executor.supplyAsync(() -> claimAndPlace(customerId, idempotencyKey, lines,
                answerBy));
        try {
            return work.get(Math.max(0, Duration.between(Instant.now(), answerBy).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Log.warnf("checkout %s not finished within %s; answering in progress while it goes on", idempotencyKey,
                    config.answerWithin());
            throw Failures.checkoutInProgress(idempotencyKey);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("checkout " + idempotencyKey + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.checkoutInProgress(idempotencyKey);
        }
    }

    private Outcome claimAndPlace(String customerId, String idempotencyKey, List<CheckoutLine> lines,
                                  Instant answerBy) {
        String hash = fingerprint(lines);
        while (true) {
            Optional<Order> claimed = store.claim(UUID.randomUUID(), customerId, idempotencyKey, hash);
            if (claimed.isPresent()) {
                return new Outcome(place(claimed.get(), lines), true);
            }
            Optional<Order> existing = store.byKey(customerId, idempotencyKey);
            if (existing.isEmpty()) {
                continue; // the holder of the key failed and let it go between our two statements
            }
            Order order = existing.get();
            if (order.status == OrderStatus.CONFIRMED) {
                if (!order.requestHash.equals(hash)) {
                    throw Failures.idempotencyKeyReused(idempotencyKey, order.id);
                }
                Log.debugf("checkout %s replayed for order %s", idempotencyKey, order.id);
                return new Outcome(order, false);
            }
            if (order.createdAt.isBefore(Instant.now().minus(config.stalePendingAfter()))) {
                Log.warnf("taking over stale checkout %s (order %s)", idempotencyKey, order.id);
                forget(order.id);
                continue;
            }
            // a different cart under a running key waits too: once that checkout is known placed the answer
            // names its order, once known failed the key is free for this cart
            if (Instant.now().isAfter(answerBy)) {
                throw Failures.checkoutInProgress(idempotencyKey);
            }
            pause();
        }
    }

    private Order place(Order pending, List<CheckoutLine> lines) {
        UUID id = pending.id;
        Reservation reservation;
        try {
            reservation = catalog.reserve(id.toString(), lines.stream()
                    .map(line -> new ReservationRequest.Line(line.sku(), line.quantity()))
                    .toList());
        } catch (CatalogRejectedException e) {
            store.abandon(id);
            throw switch (e.reason()) {
                case INSUFFICIENT_STOCK -> Failures.insufficientStock(e.sku());
                case UNKNOWN_SKU -> Failures.unknownSku(e.sku());
            };
        } catch (CatalogUnavailableException | FaultToleranceException e) {
            Log.warnf("catalog unavailable for order %s: %s", id, e.toString());
            // a timed-out attempt may still have reserved: give that stock back before forgetting the order
            forget(id);
            throw Failures.catalogUnavailable();
        } catch (RuntimeException e) {
            forget(id);
            throw e;
        }
        if (reservation.lines().stream().map(line -> line.unitPrice().currency()).distinct().count() != 1) {
            forget(id);
            throw Failures.mixedCurrencies();
        }
        try {
            Order order = store.confirm(pending, reservation);
            Log.infof("order %s confirmed with %d line(s)", id, lines.size());
            return order;
        } catch (RuntimeException e) {
            forget(id);
            throw e;
        }
    }

    /**
     * Forgets the order and owes catalog the release of whatever it may hold for it, recorded in the same
     * transaction; the release is asked for now, in the background, and {@link OwedReleases} asks again until
     * catalog has confirmed it, so no stock stays held for an order that does not exist.
     */
    private void forget(UUID id) {
        try {
            store.abandonOwingRelease(id);
        } catch (RuntimeException e) {
            Log.warnf("could not record pending order %s as abandoned; a retry takes it over later: %s", id,
                    e.toString());
        }
        release(id.toString());
    }

    /** Asks catalog to release a reservation; once it has, nothing is owed for it any more. */
    void release(String reference) {
        catalog.release(reference).thenRun(() -> store.releaseDone(reference)).exceptionally(failure -> {
            Log.warnf("could not release reservation %s yet; asked again later: %s", reference, failure.toString());
            return null;
        });
    }

    private static List<CheckoutLine> normalise(List<CheckoutLine> requested) {
        Set<String> seen = new HashSet<>();
        List<CheckoutLine> lines = requested.stream()
                .map(line -> new CheckoutLine(line.sku().toUpperCase(Locale.ROOT), line.quantity()))
                .sorted(Comparator.comparing(CheckoutLine::sku))
                .toList();
        for (CheckoutLine line : lines) {
            if (!seen.add(line.sku())) {
                throw Failures.duplicateLine(line.sku());
            }
        }
        return lines;
    }

    /** The same lines in any order give the same fingerprint. */
    private static String fingerprint(List<CheckoutLine> sortedLines) {
        StringBuilder canonical = new StringBuilder();
        sortedLines.forEach(line -> canonical.append(line.sku()).append('=').append(line.quantity()).append('\n'));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a concurrent checkout", e);
        }
    }
}
