package dev.shop.gitops.images;

import java.util.regex.Pattern;

/**
 * One entry of a kustomization's {@code images:} list. Fields are null when the entry does not set them.
 */
public record ImageEntry(String name, String newName, String newTag, String digest) {

    public static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    /** The OCI distribution spec's tag grammar. */
    public static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    /** "1.4.0@sha256:1a2b3c4d5e6f" for tables and messages; "-" for an entry that sets neither. */
    public String display() {
        String tag = newTag == null ? "" : newTag;
        String shortDigest = digest == null ? "" : "@" + shortDigest(digest);
        String text = tag + shortDigest;
        return text.isEmpty() ? "-" : text;
    }

    public static String shortDigest(String digest) {
        if (digest == null) {
            return "-";
        }
        String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
        return "sha256:" + hex.substring(0, Math.min(12, hex.length()));
    }

    /** The same image with the values of other that are set (newName, newTag, digest). */
    public ImageEntry overlay(ImageEntry other) {
        return new ImageEntry(name,
                other.newName != null ? other.newName : newName,
                other.newTag != null ? other.newTag : newTag,
                other.digest != null ? other.digest : digest);
    }
}
