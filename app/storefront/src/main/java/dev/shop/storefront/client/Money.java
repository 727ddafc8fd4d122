package dev.shop.storefront.client;

/** An amount in the currency's minor unit (cents for EUR), as catalog and orders send it. */
public record Money(long amountMinor, String currency) {

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(amountMinor, quantity), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }
}
