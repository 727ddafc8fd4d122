package dev.shop.gitops.commands;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How rollback and holds land: a new branch for a pull request (its body and name for the workflow), or --direct. */
public class ReviewOptions {

    @Mixin
    PullRequestOptions pullRequest;

    @Option(names = "--direct",
            description = "Commit on --branch itself (retrying like set-image) instead of a new branch for a pull request. For envs whose branch rules allow it.")
    boolean direct;
}
