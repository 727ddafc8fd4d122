package dev.shop.conventions.problem;

import dev.shop.conventions.failure.Failure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client should see as an RFC 9457 problem: its status, a stable type, a title and a
 * detail for people, plus extension members (such as the {@code sku} that was short) and headers.
 * Each service names its own problem types; this class only carries them.
 */
public class ProblemException extends RuntimeException {

    /** The type of a problem whose HTTP status says it all (RFC 9457, section 4.2.1). */
    public static final String ABOUT_BLANK = "about:blank";
    /** The shop's own problem types: {@code urn:shop:problem:<code>}. */
    public static final String TYPE_PREFIX = "urn:shop:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of(), Map.of());
    }

    private ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions,
                             Map<String, String> headers) {
        // no stack trace: a problem is an answer to the client, not a bug to locate
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = Collections.unmodifiableMap(extensions);
        this.headers = Collections.unmodifiableMap(headers);
    }

    /** A problem of a generic kind ({@code about:blank}: the HTTP status says it all). */
    public static ProblemException generic(int status, String title, String detail) {
        return new ProblemException(status, ABOUT_BLANK, title, detail);
    }

    /**
     * The problem that answers a service's {@link Failure}: type {@value #TYPE_PREFIX}{@code <code>}, the status
     * its kind stands for, its extension members, and {@code Retry-After} in seconds when it names a wait.
     */
    public static ProblemException of(Failure failure) {
        Failure.Reason reason = failure.reason();
        int status = switch (reason.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case REFUSED -> 422;
            case UNAVAILABLE -> 503;
        };
        ProblemException problem = new ProblemException(status, TYPE_PREFIX + reason.code(), reason.title(),
                failure.getMessage(), reason.extensions(), Map.of());
        return reason.retryAfter() == null ? problem
                : problem.withHeader("Retry-After", Long.toString(reason.retryAfter().toSeconds()));
    }

    /** A copy with one more extension member in the problem body. */
    public ProblemException with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new ProblemException(status, type, title, getMessage(), more, headers);
    }

    /** A copy with one more response header. */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(status, type, title, getMessage(), extensions, more);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
