package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.cli.RepositoryOption;
import dev.shop.cli.Verb;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.semver.SemVer;
import dev.shop.gitops.version.VersionCalculator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "version", mixinStandardHelpOptions = true,
        description = {
            "Print the SemVer of the current commit (GitVersion GitFlow rules).",
            "  main          X.Y.Z: the merged release/hotfix, else latest tag + patch",
            "  develop       next minor -alpha.N",
            "  release/X.Y   X.Y.0-rc.N          hotfix/X.Y.Z  X.Y.Z-rc.N",
            "  feature/name  next minor -name.N  pull request  next minor -pr.<number>.N",
            "N = commits since the latest release tag (vX.Y.Z); a tagged commit prints",
            "its tag. The output is a valid image tag (no '+'). CI needs full history",
            "(actions/checkout fetch-depth: 0)."})
public final class VersionCommand extends Verb {

    @Option(names = "--branch", paramLabel = "NAME",
            description = "Branch to version (CI checkouts are detached). Default: GITHUB_HEAD_REF (pull request), GITHUB_REF_NAME, else the checked-out branch.")
    String branch;

    @Mixin
    RepositoryOption repo;

    @Override
    public Integer call() {
        Path top = Git.topLevel(repo.dir());
        if (top == null) {
            throw CliException.usage(repo.dir().toAbsolutePath().normalize() + " is not inside a git repository");
        }
        VersionCalculator calculator = new VersionCalculator(new Git(top));
        SemVer version = calculator.version(calculator.branch(branch, System.getenv()));
        out().println(version);
        return 0;
    }
}
