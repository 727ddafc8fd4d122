package dev.shop.gitops.commands;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The files a verb that opens a branch for review writes for the workflow: the pull-request body and the branch's name. */
public class PullRequestOptions {

    @Option(names = "--pr-body", paramLabel = "FILE", description = "Write the pull-request body here ('-' for stdout). Default: stdout.")
    Path prBody;

    @Option(names = "--branch-file", paramLabel = "FILE",
            description = "Write the new branch's name here, for the workflow that opens the pull request (empty when no branch was made).")
    Path branchFile;
}
