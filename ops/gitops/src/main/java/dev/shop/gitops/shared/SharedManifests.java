package dev.shop.gitops.shared;

import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.CommitWriter.FileChange;
import dev.shop.gitops.git.Git;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each env's own copy of the shared manifests: {@code envs/<env>/shared/base} and
 * {@code envs/<env>/shared/components}, copied from {@code gitops-envs/base} and
 * {@code gitops-envs/components} of one source commit, named in {@code envs/<env>/shared/origin.yaml}.
 * <p>
 * An env renders only its own folder, so a base change reaches an env the way an image does:
 * set-image carries the base of the build's commit into the env it deploys, promote carries the
 * source env's copy into the target (ADR 0205). Merging a release into main changes no env.
 */
public final class SharedManifests {

    public static final String FOLDER = "shared";
    public static final String ORIGIN_FILE = "origin.yaml";
    /** The folders of gitops-envs/ every env takes a copy of. */
    public static final List<String> COPIED = List.of("base", "components");
    private static final Pattern ORIGIN_COMMIT = Pattern.compile("(?m)^commit:\\s*\"?([0-9a-f]{7,64})\"?\\s*$");

    private SharedManifests() {
    }

    /** The source commit an env's copy was taken from, or null when the origin file does not name one. */
    public static String originCommit(String originText) {
        if (originText == null) {
            return null;
        }
        Matcher m = ORIGIN_COMMIT.matcher(originText);
        return m.find() ? m.group(1) : null;
    }

    public static String originText(String sourceCommit) {
        return """
                # This env's copy of gitops-envs/base and gitops-envs/components, taken from the commit below by
                # gitops set-image (the build's commit) or gitops promote (the source env's copy). Do not edit the
                # copy: change gitops-envs/base or components, and the next build or promotion carries it here.
                commit: \
                """ + sourceCommit + "\n";
    }

    /**
     * The changes that make the env's copy (under envFolder at tip of target) equal to the files of
     * the given source; empty when they already are. Files the source no longer has are removed.
     */
    public static List<FileChange> replace(CommitWriter target, String tip, String envFolder, Map<String, String> sourceFiles) {
        String prefix = envFolder + "/" + FOLDER + "/";
        Map<String, String> wanted = new LinkedHashMap<>();
        sourceFiles.forEach((relative, content) -> wanted.put(prefix + relative, content));
        List<FileChange> changes = new ArrayList<>();
        List<String> present = target.files(tip, envFolder + "/" + FOLDER);
        for (String path : present) {
            if (!wanted.containsKey(path)) {
                changes.add(FileChange.delete(path));
            }
        }
        wanted.forEach((path, content) -> {
            if (!present.contains(path) || !content.equals(target.read(tip, path))) {
                changes.add(new FileChange(path, content));
            }
        });
        return changes;
    }

    /** The shared manifests of gitops-envs at a source commit, by path relative to the copy's folder, origin file included. */
    public static Map<String, String> atSourceCommit(Git source, String commit, String rootPath) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String folder : COPIED) {
            String from = rootPath.isEmpty() ? folder : rootPath + "/" + folder;
            String listing = source.run("ls-tree", "-r", "-z", "--name-only", commit, "--", from + "/");
            for (String path : listing.isEmpty() ? new String[0] : listing.split("\0")) {
                files.put(folder + path.substring(from.length()), source.run("cat-file", "blob", commit + ":" + path));
            }
        }
        files.put(ORIGIN_FILE, originText(commit));
        return files;
    }

    /** An env's copy at a commit of the GitOps repository, by path relative to the copy's folder. */
    public static Map<String, String> ofEnv(CommitWriter repo, String tip, String envFolder) {
        String prefix = envFolder + "/" + FOLDER + "/";
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : repo.files(tip, envFolder + "/" + FOLDER)) {
            files.put(path.substring(prefix.length()), repo.read(tip, path));
        }
        return files;
    }
}
