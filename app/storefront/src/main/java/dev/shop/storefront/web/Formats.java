package dev.shop.storefront.web;

import dev.shop.storefront.client.Money;
import dev.shop.storefront.client.Order;
import dev.shop.storefront.client.Product;
import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How money, dates and product images appear on the pages (Qute template extensions). */
@TemplateExtension
public final class Formats {

    /** English with the currency symbol first, e.g. "€12.99" or "€1,250.00". */
    private static final Locale DISPLAY_LOCALE = Locale.UK;
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", DISPLAY_LOCALE);
    private static final String PLACEHOLDER_IMAGE = "/images/placeholder.svg";
    private static final Map<String, String> IMAGE_URLS = new ConcurrentHashMap<>();

    private Formats() {
    }

    public static String formatted(Money money) {
        if (money == null) {
            return "";
        }
        String plain = BigDecimal.valueOf(money.amountMinor(), 2).toPlainString();
        if (money.currency() == null) {
            return plain;
        }
        Currency currency;
        try {
            currency = Currency.getInstance(money.currency());
        } catch (IllegalArgumentException notIso4217) {
            return plain + " " + money.currency();
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        NumberFormat format = NumberFormat.getCurrencyInstance(DISPLAY_LOCALE);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(money.amountMinor(), digits));
    }

    public static String displayTime(OffsetDateTime time) {
        return time == null ? "" : DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The storefront's own picture of a product, {@code /images/<sku-lowercase>.svg}, or a neutral placeholder. */
    public static String imageSrc(Product product) {
        return IMAGE_URLS.computeIfAbsent(product.sku(), sku -> {
            String path = "/images/" + sku.toLowerCase(Locale.ROOT) + ".svg";
            boolean exists = Formats.class.getClassLoader().getResource("META-INF/resources" + path) != null;
            return exists ? path : PLACEHOLDER_IMAGE;
        });
    }

    /**
     * The picture's text alternative: the product's name for its own picture; empty for the shared placeholder,
     * which shows nothing about the product (decorative: screen readers skip it, the name is next to it anyway).
     */
    public static String imageAlt(Product product) {
        return PLACEHOLDER_IMAGE.equals(imageSrc(product)) ? "" : product.name();
    }

    /** "CONFIRMED" reads as "Confirmed". */
    public static String statusLabel(Order order) {
        String status = order.status() == null ? "" : order.status().replace('_', ' ').toLowerCase(Locale.ROOT);
        return status.isEmpty() ? "" : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }

    /** "In stock", "Only 3 left" or "Out of stock". */
    public static String stockLabel(Product product) {
        if (product.stock() <= 0) {
            return "Out of stock";
        }
        return product.stock() <= 5 ? "Only " + product.stock() + " left" : "In stock";
    }
}
