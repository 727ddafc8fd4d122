package dev.shop.gitops.commands;

import dev.shop.cli.Verb;
import picocli.CommandLine.Mixin;

/** A verb that commits to the GitOps repository: where and how it writes (layout, repository, remote, branch). */
abstract class WritingVerb extends Verb {

    @Mixin
    WriteOptions write;
}
