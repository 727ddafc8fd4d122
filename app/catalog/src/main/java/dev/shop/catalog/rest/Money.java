package dev.shop.catalog.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount in the currency's minor unit (cents for EUR), so no floating point ever touches a price. */
public record Money(
        @NotNull @PositiveOrZero @Max(100_000_000) Long amountMinor,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
}
