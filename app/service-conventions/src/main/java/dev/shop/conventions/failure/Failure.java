package dev.shop.conventions.failure;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a service did not do what it was asked, in the service's own terms: what kind of failure it is (what the
 * caller can do about it), a stable code, a title and a detail for people, extension members (such as the sku
 * that was short) and, for a passing condition, how long to wait before trying again. It names no protocol:
 * the REST edge answers it as an RFC 9457 problem ({@code ProblemException.of}), so business logic never
 * chooses an HTTP status.
 */
public class Failure extends RuntimeException {

    /** What the caller can do about a failure; the edge turns each kind into one status. */
    public enum Kind {
        /** The request contradicts itself (for example one sku on two lines): fix it, do not repeat it. */
        INVALID,
        /** What the request names does not exist, or not for this caller. */
        NOT_FOUND,
        /** The request clashes with the current state (short stock, a concurrent change, work still running). */
        CONFLICT,
        /** Well formed, but the service's rules refuse it as it is (an unknown product, a reused key). */
        REFUSED,
        /** Something the service needs is away for now: the same request may succeed later. */
        UNAVAILABLE
    }

    /** What a failure says besides its detail; {@code retryAfter} is null when waiting would not help. */
    public record Reason(Kind kind, String code, String title, Map<String, Object> extensions, Duration retryAfter) {
    }

    private final Reason reason;

    private Failure(Reason reason, String detail) {
        // no stack trace: a failure is an answer to the caller, not a bug to locate
        super(detail, null, false, false);
        this.reason = reason;
    }

    /** {@code code}: a short stable slug such as {@code insufficient-stock}, which callers may switch on. */
    public static Failure of(Kind kind, String code, String title, String detail) {
        return new Failure(new Reason(kind, code, title, Map.of(), null), detail);
    }

    /** A copy with one more extension member. */
    public Failure with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(reason.extensions());
        more.put(name, value);
        return new Failure(new Reason(reason.kind(), reason.code(), reason.title(), Collections.unmodifiableMap(more),
                reason.retryAfter()), getMessage());
    }

    /** A copy that tells the caller to try again after {@code wait}. */
    public Failure retryAfter(Duration wait) {
        return new Failure(new Reason(reason.kind(), reason.code(), reason.title(), reason.extensions(), wait),
                getMessage());
    }

    public Reason reason() {
        return reason;
    }
}
