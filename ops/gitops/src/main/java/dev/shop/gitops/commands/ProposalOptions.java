package dev.shop.gitops.commands;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How a change ops review is proposed: a new branch and a pull-request body, or (--direct) a commit on --branch. */
public class ProposalOptions {

    @Option(names = "--direct",
            description = "Commit on --branch itself (retrying like set-image) instead of a new branch for a pull request. For envs whose branch rules allow it.")
    boolean direct;

    @Option(names = "--pr-body", paramLabel = "FILE", description = "Write the pull-request body here ('-' for stdout). Default: stdout.")
    Path prBody;

    @Option(names = "--branch-file", paramLabel = "FILE",
            description = "Write the new branch's name here, for the workflow that opens the pull request (empty with --direct or when nothing changes).")
    Path branchFile;
}
