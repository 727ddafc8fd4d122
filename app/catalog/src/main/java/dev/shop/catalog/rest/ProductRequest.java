package dev.shop.catalog.rest;

import dev.shop.catalog.service.ProductData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of an admin's create or full update of a product. */
public record ProductRequest(
        @NotNull @Pattern(regexp = Skus.PATTERN, message = Skus.MESSAGE) String sku,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @NotNull @Valid Money price,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer stock,
        @Size(max = 300) @Pattern(regexp = "(/|https://)[A-Za-z0-9._~/-]+",
                message = "must be a path starting with / or an https URL") String imageUrl) {

    ProductData toData() {
        return new ProductData(sku, name, description, price.amountMinor(), price.currency(), stock, imageUrl);
    }
}
