package dev.shop.loadtest;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a load run does, from system properties ({@code -DbaseUrl= -Dusers= -Dduration= -DrampUp=}).
 * Bounded on purpose: a typo must not turn into an unbounded run, and load goes to another host only
 * when the caller says so ({@code -DallowRemoteTarget=true}, which the staging pipeline passes).
 */
public record LoadSettings(URI baseUrl, int users, Duration rampUp, Duration duration) {

    public static final String DEFAULT_BASE_URL = "http://localhost:8080";
    public static final int MAX_USERS = 500;
    public static final Duration MAX_DURATION = Duration.ofMinutes(30);
    public static final Duration MAX_RAMP_UP = Duration.ofMinutes(10);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)?");

    public LoadSettings {
        if (users < 1 || users > MAX_USERS) {
            throw new IllegalArgumentException("users must be from 1 to " + MAX_USERS + ", was " + users);
        }
        requireWithin("duration", duration, Duration.ofSeconds(1), MAX_DURATION);
        requireWithin("rampUp", rampUp, Duration.ZERO, MAX_RAMP_UP);
    }

    /** Reads the settings; the defaults are a short, gentle run against the local shop. */
    public static LoadSettings from(Properties properties) {
        URI baseUrl = baseUrl(properties.getProperty("baseUrl", DEFAULT_BASE_URL),
                Boolean.parseBoolean(properties.getProperty("allowRemoteTarget", "false")));
        int users = integer("users", properties.getProperty("users", "10"));
        Duration duration = duration("duration", properties.getProperty("duration", "60s"));
        Duration rampUp = duration("rampUp", properties.getProperty("rampUp", "10s"));
        return new LoadSettings(baseUrl, users, rampUp, duration);
    }

    /** Longest the run may take: ramp-up, the steady part, and time for the last journeys to finish. */
    public Duration maxDuration() {
        return rampUp.plus(duration).plus(Duration.ofMinutes(2));
    }

    /** The base URL without a trailing slash, as Gatling wants it. */
    public String baseUrlText() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    static URI baseUrl(String raw, boolean allowRemoteTarget) {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + raw);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host, was " + raw);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("baseUrl must be the shop's root (no path), was " + raw);
        }
        if (!allowRemoteTarget && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("baseUrl " + raw + " is not this machine; load another host only "
                    + "on purpose: add -DallowRemoteTarget=true");
        }
        return uri;
    }

    /** Names and literal addresses only: no DNS lookup decides whether we may load a host. */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        String literal = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static int integer(String name, String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + raw);
        }
    }

    /** {@code 90}, {@code 90s}, {@code 5m} or {@code 500ms}; a bare number is seconds. */
    static Duration duration(String name, String raw) {
        Matcher matcher = DURATION.matcher(raw.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name + " must look like 90s, 5m or 500ms, was " + raw);
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static void requireWithin(String name, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be from " + min.toSeconds() + " s to "
                    + max.toSeconds() + " s, was " + value.toMillis() + " ms");
        }
    }
}
