package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.gitops.git.Git;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --source-repo: where the services' source (and gitops-envs/base of a build) is, for verbs that read it. */
public class SourceOptions {

    @Option(names = "--source-repo", paramLabel = "DIR",
            description = "Repository of the services' source. Default: the working directory's repository, else --repo.")
    Path sourceRepo;

    Git git(Git gitopsRepo) {
        if (sourceRepo != null) {
            Path top = Git.topLevel(sourceRepo);
            if (top == null) {
                throw CliException.usage("--source-repo " + sourceRepo + " is not a git repository");
            }
            return new Git(top);
        }
        Path here = Git.topLevel(Path.of(""));
        return here != null ? new Git(here) : gitopsRepo;
    }
}
