package dev.shop.gitops.commands;

import picocli.CommandLine.Option;

/** A writing verb that changes one env: set-image, set-shared, rollback, hold and release-hold. */
abstract class EnvChange extends WritingVerb {

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "Environment: a folder under envs/.")
    String env;
}
