package dev.shop.storefront.web;

import dev.shop.storefront.service.CartService;

import java.util.Optional;
import java.util.UUID;

/** Parses what shoppers type into forms and URLs; every refusal is a sentence they can act on. */
final class FormInput {

    static final int MAX_QUERY_LENGTH = 100;
    /** catalog serves pages up to 10 000; nobody pages that far by hand. */
    static final int MAX_PAGE = 1000;
    static final String QUANTITY_HINT = "Enter a whole number from 1 to " + CartService.MAX_PER_LINE + ".";

    private FormInput() {
    }

    /** A quantity from 1 to {@link CartService#MAX_PER_LINE}, or empty. */
    static Optional<Integer> quantity(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            int quantity = Integer.parseInt(raw.trim());
            return quantity >= 1 && quantity <= CartService.MAX_PER_LINE ? Optional.of(quantity) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The 1-based page number of the product list; absent means the first page. */
    static int pageNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.trim());
            if (page >= 1 && page <= MAX_PAGE) {
                return page;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new ShopperFacingException(400, "That page doesn't exist",
                "Page numbers start at 1. Go back to the first page of our products.");
    }

    static String searchText(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new ShopperFacingException(400, "That search is too long",
                    "Please search with at most " + MAX_QUERY_LENGTH + " characters.");
        }
        return text;
    }

    static Optional<String> idempotencyKey(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw.trim()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
