package dev.shop.gitops.git;

import dev.shop.cli.ProcessRunner;
import java.util.HashMap;
import java.util.Map;

/**
 * The deployment ledger kept in Git itself: every write-back commit carries machine-readable
 * trailers (Gitops-Env, Gitops-Service, Gitops-Version, Gitops-Digest, Gitops-Source-Commit),
 * so which source commit an image digest was built from can be read back from history.
 */
public final class Ledger {

    public static final String ENV = "Gitops-Env";
    public static final String SERVICE = "Gitops-Service";
    public static final String VERSION = "Gitops-Version";
    public static final String DIGEST = "Gitops-Digest";
    public static final String SOURCE_COMMIT = "Gitops-Source-Commit";
    public static final String PROMOTED_FROM = "Gitops-Promoted-From";

    private final Map<String, String> sourceByDigest;

    private Ledger(Map<String, String> sourceByDigest) {
        this.sourceByDigest = sourceByDigest;
    }

    /** Reads the trailers of every commit that touched pathspec, newest first; the newest record of a digest wins. */
    public static Ledger read(Git git, String pathspec) {
        if (git == null || git.resolve("HEAD") == null) {
            return new Ledger(Map.of());
        }
        String format = "%(trailers:key=" + DIGEST + ",valueonly,separator=%x1d)%x1f%(trailers:key=" + SOURCE_COMMIT + ",valueonly,separator=%x1d)%x1e";
        ProcessRunner.Result log = git.exec("log", "--format=" + format, "HEAD", "--", pathspec);
        Map<String, String> sources = new HashMap<>();
        if (!log.ok()) {
            return new Ledger(sources);
        }
        for (String record : log.stdout().split("\u001e")) {
            String[] fields = record.strip().split("\u001f", -1);
            if (fields.length < 2 || fields[0].isBlank() || fields[1].isBlank()) {
                continue;
            }
            String source = fields[1].split("\u001d")[0].strip();
            for (String digest : fields[0].split("\u001d")) {
                sources.putIfAbsent(digest.strip(), source);
            }
        }
        return new Ledger(sources);
    }

    /** The source commit the image with this digest was built from, or null when no record names it. */
    public String sourceCommit(String digest) {
        return digest == null ? null : sourceByDigest.get(digest);
    }
}
