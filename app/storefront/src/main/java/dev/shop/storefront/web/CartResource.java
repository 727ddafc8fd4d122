package dev.shop.storefront.web;

import dev.shop.storefront.client.CatalogGateway;
import dev.shop.storefront.client.Product;
import dev.shop.storefront.model.ShopperSession;
import dev.shop.storefront.service.CartService;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import java.util.Optional;

/** The cart page and its forms; every successful POST answers 303 to the cart (POST-redirect-GET). */
@Path("/cart")
@Produces(MediaType.TEXT_HTML)
public class CartResource {

    static final String CART = "/cart";
    private static final int UNPROCESSABLE = 422;

    private final CurrentSession session;
    private final CartService carts;
    private final CatalogGateway catalog;
    private final Layout layout;

    public CartResource(CurrentSession session, CartService carts, CatalogGateway catalog, Layout layout) {
        this.session = session;
        this.carts = carts;
        this.catalog = catalog;
        this.layout = layout;
    }

    @GET
    public TemplateInstance cart() {
        ShopperSession shopper = session.get();
        return Pages.cart(layout.page(shopper, "cart"), Views.Cart.of(carts.contents(shopper)));
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String csrf, @RestForm String sku, @RestForm String quantity) {
        ShopperSession shopper = session.requireCsrfToken(csrf);
        if (sku == null || sku.isBlank()) {
            throw new ShopperFacingException(UNPROCESSABLE, "Which product?",
                    "Choose a product to add to your cart from our product pages.");
        }
        Product product = catalog.findBySku(sku.strip()).orElseThrow(ShopperFacingException::productNotFound);
        Optional<String> refusal = FormInput.quantity(quantity)
                .map(amount -> carts.add(shopper, product, amount))
                .orElse(Optional.of(FormInput.QUANTITY_HINT));
        if (refusal.isPresent()) {
            Views.ProductDetail detail = new Views.ProductDetail(product, shopper.quantityOf(product.sku()),
                    refusal.get(), quantity == null ? "" : quantity);
            return Response.status(UNPROCESSABLE).entity(Pages.product(layout.page(shopper, "products"), detail)).build();
        }
        return SeeOther.to(CART);
    }

    @POST
    @Path("items/{sku}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestPath String sku, @RestForm String csrf, @RestForm String quantity) {
        ShopperSession shopper = session.requireCsrfToken(csrf);
        if (shopper.quantityOf(sku) == 0) {
            throw new ShopperFacingException(404, "That product isn't in your cart",
                    "It may have been removed in another window. Have a look at your cart.");
        }
        Product product = catalog.findBySku(sku).orElseThrow(ShopperFacingException::productNotFound);
        Optional<String> refusal = FormInput.quantity(quantity)
                .map(amount -> carts.change(shopper, product, amount))
                .orElse(Optional.of(FormInput.QUANTITY_HINT + " To take it out of your cart, use Remove."));
        if (refusal.isPresent()) {
            Views.Cart cart = new Views.Cart(carts.contents(shopper), refusal.get(), product.sku(),
                    quantity == null ? "" : quantity);
            return Response.status(UNPROCESSABLE).entity(Pages.cart(layout.page(shopper, "cart"), cart)).build();
        }
        return SeeOther.to(CART);
    }

    /** Idempotent: removing a line that is not there still leads back to the cart. */
    @POST
    @Path("items/{sku}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestPath String sku, @RestForm String csrf) {
        ShopperSession shopper = session.requireCsrfToken(csrf);
        if (shopper.quantityOf(sku) > 0) {
            carts.remove(shopper, sku);
        }
        return SeeOther.to(CART);
    }
}
