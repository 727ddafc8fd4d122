package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Git;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where and how the verbs that commit write: layout, repository, remote, branch, push or not. */
public class WriteOptions {

    @Mixin
    LayoutOptions layoutOptions;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "Checkout of the GitOps repository (may be a separate repository). Default: the repository holding --root.")
    Path repo;

    @Option(names = "--remote", paramLabel = "NAME", defaultValue = "origin", description = "Remote to fetch from and push to. Default: ${DEFAULT-VALUE}.")
    String remote;

    @Option(names = "--branch", paramLabel = "NAME", defaultValue = "main",
            description = "Branch Argo CD watches; changes are built on its tip. Default: ${DEFAULT-VALUE}.")
    String branch;

    @Option(names = "--no-push", description = "Commit on the local branch only; no fetch, no push.")
    boolean noPush;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "25",
            description = "Attempts when the push is rejected because the remote moved. Default: ${DEFAULT-VALUE}.")
    int maxAttempts;

    @Option(names = "--dry-run", description = "Print what would change; commit and push nothing.")
    boolean dryRun;

    /** The layout, repository and commit writer these options name. */
    WriteTarget target() {
        return WriteTarget.of(layoutOptions, this);
    }

    /** As {@link #target()}, refusing (exit 2) a service the layout does not have. */
    WriteTarget targetFor(String service) {
        WriteTarget target = target();
        target.layout().requireService(service);
        return target;
    }

    CommitWriter writer(Git git) {
        if (maxAttempts < 1) {
            throw dev.shop.cli.CliException.usage("--max-attempts must be at least 1");
        }
        return new CommitWriter(git, remote, !noPush, maxAttempts);
    }
}
