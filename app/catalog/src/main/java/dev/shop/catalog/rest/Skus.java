package dev.shop.catalog.rest;

/** The shape of a stock keeping unit: letters, digits and dashes, as in MUG-001. */
final class Skus {

    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{1,31}";
    static final String MESSAGE = "must be 2 to 32 letters, digits or dashes, such as MUG-001";

    private Skus() {
    }
}
