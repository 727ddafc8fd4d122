package dev.shop.storefront.client;

import dev.shop.storefront.client.DownstreamUnavailableException.Downstream;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads products from catalog and turns its failures into what a page can show. */
@ApplicationScoped
public class CatalogGateway {

    /** Skus are short codes such as {@code MUG-001}; anything else cannot exist, so catalog is not asked. */
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final CatalogClient catalog;

    public CatalogGateway(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    public static boolean isPlausibleSku(String sku) {
        return sku != null && SKU.matcher(sku).matches();
    }

    public ProductPage search(String query, int page, int size) {
        try {
            return catalog.list(page, size, query);
        } catch (WebApplicationException | ProcessingException e) {
            throw unavailable(e);
        }
    }

    public Optional<Product> findBySku(String sku) {
        if (!isPlausibleSku(sku)) {
            return Optional.empty();
        }
        try {
            return Optional.of(catalog.bySku(sku));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static DownstreamUnavailableException unavailable(RuntimeException e) {
        Log.warnf("catalog call failed: %s", e.toString());
        return new DownstreamUnavailableException(Downstream.CATALOG, e);
    }
}
