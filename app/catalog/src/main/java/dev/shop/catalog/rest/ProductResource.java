package dev.shop.catalog.rest;

import dev.shop.catalog.service.ProductService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "products")
@SecurityScheme(securitySchemeName = "admin", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ProductResource {

    private final ProductService products;

    public ProductResource(ProductService products) {
        this.products = products;
    }

    @GET
    @Operation(summary = "A page of products, optionally those matching q in sku, name or description")
    public ProductPageView list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                                @QueryParam("q") @Size(max = 100) String query) {
        return ProductPageView.of(products.search(query, page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One product by id")
    public ProductView byId(@PathParam("id") long id) {
        return ProductView.of(products.byId(id));
    }

    @GET
    @Path("/sku/{sku}")
    @Operation(summary = "One product by sku")
    public ProductView bySku(@PathParam("sku") @Pattern(regexp = Skus.PATTERN, message = Skus.MESSAGE) String sku) {
        return ProductView.of(products.bySku(sku));
    }

    @POST
    @RolesAllowed("admin")
    @SecurityRequirement(name = "admin")
    @Operation(summary = "Create a product (admin)")
    public Response create(@NotNull @Valid ProductRequest request, UriInfo uriInfo) {
        ProductView created = ProductView.of(products.create(request.toData()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "admin")
    @ResponseStatus(200)
    @Operation(summary = "Replace a product's data (admin)")
    public ProductView update(@PathParam("id") long id, @NotNull @Valid ProductRequest request) {
        return ProductView.of(products.update(id, request.toData()));
    }
}
