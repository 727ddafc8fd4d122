package dev.shop.orders.client;

/** Catalog could not be reached or failed on its side: worth retrying, an outage for our client. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
