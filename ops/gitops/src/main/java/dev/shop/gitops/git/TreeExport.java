package dev.shop.gitops.git;

import java.nio.file.Path;
import java.util.Map;

/** Writes the files of a commit under a prefix into a folder, leaving the repository's own index and working tree alone. */
public final class TreeExport {

    private TreeExport() {
    }

    public static void export(Git git, String commit, String prefix, Path target, Path scratchIndex) {
        Git isolated = git.withEnv(Map.of("GIT_INDEX_FILE", scratchIndex.toString()));
        isolated.run("read-tree", commit);
        String files = isolated.run("ls-files", "-z", "--", prefix);
        String targetPrefix = target.toAbsolutePath() + "/";
        isolated.runWithInput(files, "checkout-index", "--force", "-z", "--stdin", "--prefix=" + targetPrefix);
    }
}
