package dev.shop.storefront.repository;

import dev.shop.storefront.client.DownstreamUnavailableException.Downstream;
import dev.shop.storefront.client.DownstreamUnavailableException;
import dev.shop.storefront.config.ShopConfig;
import dev.shop.storefront.model.ShopperSession;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.keys.KeyCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Sessions and carts in Redis: one hash per session under {@code shop:session:<id>} with a sliding TTL.
 * Fields: {@code customer}, {@code csrf}, {@code cart:<sku>} (quantity), {@code checkout:<key>} (order id),
 * {@code pending-checkout} (the key of a checkout whose outcome is not known yet),
 * {@code renewed} (epoch second of the last TTL renewal).
 * Nothing is cached in the pod, so every replica sees the same cart and a restart loses nothing.
 */
@ApplicationScoped
public class SessionStore {

    public static final String KEY_PREFIX = "shop:session:";
    public static final String CUSTOMER = "customer";
    public static final String CSRF = "csrf";
    public static final String CART_PREFIX = "cart:";
    public static final String CHECKOUT_PREFIX = "checkout:";
    public static final String RENEWED = "renewed";
    public static final String PENDING_CHECKOUT = "pending-checkout";

    /**
     * The TTL slides at most this often: renewing it on every page was a second Redis round trip per request
     * and the largest single wait under load (docs/benchmarks.md); a week's TTL loses nothing to an hour.
     */
    static final Duration RENEW_AFTER = Duration.ofHours(1);

    /** 32 random bytes, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final KeyCommands<String> keys;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(RedisDataSource redis, ShopConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.ttl = config.session().ttl();
    }

    public static String key(String sessionId) {
        return KEY_PREFIX + sessionId;
    }

    /** The live session with this id, its TTL renewed; empty for a malformed, unknown or expired id. */
    public Optional<ShopperSession> find(String sessionId) {
        if (sessionId == null || !TOKEN.matcher(sessionId).matches()) {
            return Optional.empty();
        }
        return call(() -> {
            Map<String, String> fields = hashes.hgetall(key(sessionId));
            // A hash without its token is a leftover of a write racing the expiry: not a session.
            if (!fields.containsKey(CSRF) || !fields.containsKey(CUSTOMER)) {
                return Optional.empty();
            }
            if (renewalDue(fields.get(RENEWED))) {
                keys.expire(key(sessionId), ttl);
                hashes.hset(key(sessionId), RENEWED, Long.toString(Instant.now().getEpochSecond()));
            }
            return Optional.of(parse(sessionId, fields));
        });
    }

    /** A new session with a fresh id, customer id and CSRF token; ids from the client are never adopted. */
    public ShopperSession create() {
        String id = newToken();
        Map<String, String> fields = Map.of(CUSTOMER, UUID.randomUUID().toString(), CSRF, newToken(),
                RENEWED, Long.toString(Instant.now().getEpochSecond()));
        call(() -> redis.withTransaction(tx -> {
            tx.hash(String.class).hset(key(id), fields);
            tx.key().expire(key(id), ttl);
        }));
        Log.debugf("session %s... created", id.substring(0, 6));
        return parse(id, fields);
    }

    /** Adds to a cart line atomically (two tabs or two replicas may add at once); returns the new quantity. */
    public int addToCart(String sessionId, String sku, int quantity) {
        return call(() -> Math.toIntExact(hashes.hincrby(key(sessionId), CART_PREFIX + sku, quantity)));
    }

    public void setQuantity(String sessionId, String sku, int quantity) {
        call(() -> hashes.hset(key(sessionId), CART_PREFIX + sku, Integer.toString(quantity)));
    }

    public void removeFromCart(String sessionId, String sku) {
        call(() -> hashes.hdel(key(sessionId), CART_PREFIX + sku));
    }

    /** Remembers that a checkout with this key was sent: until its outcome is known, every attempt reuses the key. */
    public void startCheckout(String sessionId, String idempotencyKey) {
        call(() -> hashes.hset(key(sessionId), PENDING_CHECKOUT, idempotencyKey));
    }

    /** The checkout with the pending key is known to have failed: the next attempt is a new one. */
    public void checkoutFailed(String sessionId) {
        call(() -> hashes.hdel(key(sessionId), PENDING_CHECKOUT));
    }

    /**
     * Remembers which order a checkout created, forgets the pending key and empties the ordered lines, in one
     * transaction.
     */
    public void completeCheckout(String sessionId, String idempotencyKey, String orderId, List<String> orderedSkus) {
        call(() -> redis.withTransaction(tx -> {
            var txHashes = tx.hash(String.class);
            txHashes.hset(key(sessionId), CHECKOUT_PREFIX + idempotencyKey, orderId);
            txHashes.hdel(key(sessionId), PENDING_CHECKOUT);
            if (!orderedSkus.isEmpty()) {
                txHashes.hdel(key(sessionId), orderedSkus.stream().map(sku -> CART_PREFIX + sku).toArray(String[]::new));
            }
        }));
    }

    private static boolean renewalDue(String renewed) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(renewed)).plus(RENEW_AFTER).isBefore(Instant.now());
        } catch (NumberFormatException e) {
            // missing (sessions from before this field) or edited by hand: renew now
            return true;
        }
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ShopperSession parse(String id, Map<String, String> fields) {
        Map<String, Integer> cart = new HashMap<>();
        Map<String, String> checkouts = new HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(CART_PREFIX)) {
                quantity(value).ifPresent(quantity -> cart.put(field.substring(CART_PREFIX.length()), quantity));
            } else if (field.startsWith(CHECKOUT_PREFIX)) {
                checkouts.put(field.substring(CHECKOUT_PREFIX.length()), value);
            }
        });
        return new ShopperSession(id, fields.get(CUSTOMER), fields.get(CSRF), cart, checkouts,
                fields.get(PENDING_CHECKOUT));
    }

    /** Lines edited to zero or garbage (by hand, in Redis) are not shown rather than failing the page. */
    private static Optional<Integer> quantity(String value) {
        try {
            int quantity = Integer.parseInt(value);
            return quantity > 0 ? Optional.of(quantity) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            Log.warnf("Redis call failed: %s", e.toString());
            throw new DownstreamUnavailableException(Downstream.REDIS, e);
        }
    }
}
