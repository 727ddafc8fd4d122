package dev.shop.orders.rest;

/** An amount in the currency's minor unit (cents for EUR). */
public record Money(long amountMinor, String currency) {
}
