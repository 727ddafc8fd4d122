package dev.shop.gitops.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version with its precedence rules. Build metadata is kept for
 * display but never produced by this CLI: {@code +} is not allowed in an image tag.
 */
public record SemVer(int major, int minor, int patch, List<String> preRelease, String build) implements Comparable<SemVer> {

    private static final Pattern FORMAT = Pattern.compile(
            "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    public SemVer {
        preRelease = List.copyOf(preRelease);
    }

    public static SemVer of(int major, int minor, int patch) {
        return new SemVer(major, minor, patch, List.of(), null);
    }

    /** Parses "1.2.3", "v1.2.3-rc.1" and the like; empty when text is not a SemVer. */
    public static Optional<SemVer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return Optional.of(new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), pre, m.group(5)));
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    public SemVer withPreRelease(String... identifiers) {
        List<String> ids = new ArrayList<>();
        for (String id : identifiers) {
            ids.addAll(List.of(id.split("\\.")));
        }
        return new SemVer(major, minor, patch, ids, null);
    }

    public SemVer nextMinor() {
        return of(major, minor + 1, 0);
    }

    public SemVer nextPatch() {
        return of(major, minor, patch + 1);
    }

    /** Precedence per SemVer section 11; build metadata does not count. */
    @Override
    public int compareTo(SemVer other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) c = Integer.compare(minor, other.minor);
        if (c == 0) c = Integer.compare(patch, other.patch);
        if (c != 0) return c;
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            c = compareIdentifier(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        String core = major + "." + minor + "." + patch;
        String pre = preRelease.isEmpty() ? "" : "-" + String.join(".", preRelease);
        return core + pre + (build == null ? "" : "+" + build);
    }
}
