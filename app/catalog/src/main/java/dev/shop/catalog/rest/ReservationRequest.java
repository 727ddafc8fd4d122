package dev.shop.catalog.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/reservations}: hold these lines for the order {@code reference}. */
public record ReservationRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}",
                message = "must be 1 to 64 letters, digits or . _ : -") String reference,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    public record Line(
            @NotNull @Pattern(regexp = Skus.PATTERN, message = Skus.MESSAGE) String sku,
            @NotNull @Positive @Max(1000) Integer quantity) {
    }
}
