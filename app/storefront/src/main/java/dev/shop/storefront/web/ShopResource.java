package dev.shop.storefront.web;

import dev.shop.storefront.client.CatalogGateway;
import dev.shop.storefront.client.Product;
import dev.shop.storefront.client.ProductPage;
import dev.shop.storefront.config.ShopConfig;
import dev.shop.storefront.model.ShopperSession;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The product list (with search and paging) and the product pages. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ShopResource {

    private final CurrentSession session;
    private final CatalogGateway catalog;
    private final Layout layout;
    private final int pageSize;

    public ShopResource(CurrentSession session, CatalogGateway catalog, Layout layout, ShopConfig config) {
        this.session = session;
        this.catalog = catalog;
        this.layout = layout;
        this.pageSize = config.catalog().pageSize();
    }

    @GET
    public TemplateInstance products(@RestQuery String q, @RestQuery String page) {
        String query = FormInput.searchText(q);
        int pageNumber = FormInput.pageNumber(page);
        ShopperSession shopper = session.get();
        ProductPage result = catalog.search(query.isEmpty() ? null : query, pageNumber - 1, pageSize);
        int totalPages = (int) Math.max(1, (result.total() + pageSize - 1) / pageSize);
        return Pages.products(layout.page(shopper, "products", query),
                new Views.ProductList(result.items(), query, pageNumber, totalPages, result.total()));
    }

    @GET
    @Path("products/{sku}")
    public TemplateInstance product(@RestPath String sku) {
        ShopperSession shopper = session.get();
        Product product = catalog.findBySku(sku).orElseThrow(ShopperFacingException::productNotFound);
        return Pages.product(layout.page(shopper, "products"),
                new Views.ProductDetail(product, shopper.quantityOf(product.sku()), "", "1"));
    }
}
