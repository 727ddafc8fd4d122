package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.layout.GitopsLayout;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --root: where the gitops-envs tree is. Shared by every verb that reads overlays. */
public class LayoutOptions {

    @Option(names = "--root", paramLabel = "DIR",
            description = "The gitops-envs folder. Default: gitops-envs/ under --repo, else in the working directory or a parent.")
    Path root;

    GitopsLayout layout(Path repo) {
        if (root == null && repo != null) {
            return GitopsLayout.at(repo.resolve(GitopsLayout.DEFAULT_FOLDER));
        }
        return GitopsLayout.locate(root, Path.of(""));
    }

    GitopsLayout layout() {
        return layout(null);
    }

    /** The repository holding the layout, or a usage error when it is not inside one. */
    static Path repositoryOf(GitopsLayout layout) {
        Path top = Git.topLevel(layout.root());
        if (top == null) {
            throw CliException.usage(layout.root() + " is not inside a git repository: pass --repo DIR");
        }
        return top;
    }

    /** A path inside the repository, with forward slashes, as git names it. */
    static String repoPath(Path repo, Path file) {
        try {
            return repo.toRealPath().relativize(file.toRealPath()).toString().replace('\\', '/');
        } catch (java.io.IOException e) {
            throw CliException.usage("cannot resolve " + file + ": " + e.getMessage());
        }
    }
}
