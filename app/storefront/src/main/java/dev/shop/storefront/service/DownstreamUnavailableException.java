package dev.shop.storefront.service;

/** A service the storefront depends on (catalog, orders, Redis) did not answer usefully. */
public class DownstreamUnavailableException extends RuntimeException {

    private final String dependency;

    public DownstreamUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable: " + cause.getMessage(), cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
