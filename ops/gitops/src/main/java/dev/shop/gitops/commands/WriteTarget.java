package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.images.Holds;
import dev.shop.gitops.layout.GitopsLayout;

import java.nio.file.Path;
import java.util.List;

/**
 * What a writing verb (set-image, promote, rollback, hold) works on: the gitops-envs layout, the
 * repository that holds it, and the writer that commits there. Paths are as git names them.
 */
record WriteTarget(GitopsLayout layout, Path repo, Git git, CommitWriter writer, String branch) {

    static WriteTarget of(LayoutOptions layoutOptions, WriteOptions write) {
        GitopsLayout layout = layoutOptions.layout(write.repo);
        Path repo = write.repo != null ? write.repo : LayoutOptions.repositoryOf(layout);
        if (Git.topLevel(repo) == null) {
            throw CliException.usage(repo + " is not a git repository");
        }
        Git git = new Git(repo);
        return new WriteTarget(layout, repo, git, write.writer(git), write.branch);
    }

    /** The env's kustomization, as a path inside the repository; a usage error for an unknown env. */
    String envFile(String env) {
        return LayoutOptions.repoPath(repo, layout.envKustomization(env));
    }

    /** The env's folder inside the repository. */
    String envFolder(String env) {
        return LayoutOptions.repoPath(repo, layout.envDir(env));
    }

    /** The named services, each refused (exit 2) unless the layout has it; every service when none is named. */
    List<String> servicesOrAll(List<String> named) {
        if (named == null || named.isEmpty()) {
            return layout.services();
        }
        named.forEach(layout::requireService);
        return named;
    }

    /** The env's holds file (envs/ENV/holds.yaml) inside the repository. */
    String holdsFile(String env) {
        return envFolder(env) + "/" + Holds.FILE_NAME;
    }

    /** The gitops-envs folder inside the repository. */
    String rootPath() {
        return LayoutOptions.repoPath(repo, layout.root());
    }

    /** A file at a commit of the branch; a usage error when it is not there. */
    String read(String tip, String path) {
        String text = writer.read(tip, path);
        if (text == null) {
            throw CliException.usage(path + " does not exist on " + branch + " at " + tip.substring(0, 12));
        }
        return text;
    }
}
