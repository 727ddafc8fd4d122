package dev.shop.orders.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/orders}: the cart lines to order. */
public record CheckoutRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    public record Line(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,31}",
                    message = "must be 2 to 32 letters, digits or dashes, such as MUG-001") String sku,
            @NotNull @Positive @Max(1000) Integer quantity) {
    }
}
