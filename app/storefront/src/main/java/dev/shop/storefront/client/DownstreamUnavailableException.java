package dev.shop.storefront.client;

import java.util.Locale;

/** A service or store the storefront depends on did not answer usefully. */
public class DownstreamUnavailableException extends RuntimeException {

    /** What the storefront depends on; each one's outage reads differently to a shopper. */
    public enum Downstream {
        CATALOG, ORDERS,
        /** The session and cart store: while it is away the cart cannot be shown either. */
        REDIS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Downstream downstream;

    public DownstreamUnavailableException(Downstream downstream, Throwable cause) {
        super(downstream + " is unavailable: " + cause.getMessage(), cause);
        this.downstream = downstream;
    }

    public Downstream downstream() {
        return downstream;
    }
}
