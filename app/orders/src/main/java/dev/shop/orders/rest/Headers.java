package dev.shop.orders.rest;

/** The request headers of the orders API (docs/architecture.md). */
final class Headers {

    static final String CUSTOMER_ID = "X-Customer-Id";
    static final String CUSTOMER_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}";
    static final String CUSTOMER_ID_MESSAGE = "must be 1 to 64 letters, digits or . _ : @ -";

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENCY_KEY_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    static final String IDEMPOTENCY_KEY_MESSAGE = "must be 1 to 128 letters, digits or . _ : - (a UUID is ideal)";

    private Headers() {
    }
}
