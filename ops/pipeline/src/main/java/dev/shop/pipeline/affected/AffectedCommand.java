package dev.shop.pipeline.affected;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.cli.RepositoryOption;
import dev.shop.pipeline.GithubOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "affected", mixinStandardHelpOptions = true,
        description = {"Prints the Maven modules (for -pl) that changed between two commits, with their dependents;",
                "every module when a shared build file (root pom, .mvn/, mvnw) changed or the base is unknown.",
                "Outputs (--github-output): modules=, services= and image-modules= (instead of printing them)."})
public final class AffectedCommand implements Callable<Integer> {

    private static final String NO_COMMIT = "0000000000000000000000000000000000000000";

    @Option(names = "--base", description = "the commit to compare with: a pull request's base, a push's 'before'")
    String base;

    @Option(names = "--head", defaultValue = "HEAD", description = "the commit built (default: ${DEFAULT-VALUE})")
    String head;

    @Mixin
    RepositoryOption repo;

    @Option(names = "--all", arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "every module, whatever changed")
    boolean all;

    @Mixin
    GithubOutput githubOutput;

    @Override
    public Integer call() {
        AffectedModules affected = new AffectedModules(ModuleGraph.read(repo.dir()));
        AffectedModules.Result result = all || base == null || base.isBlank() || base.equals(NO_COMMIT)
                || !commitExists(base) ? affected.all() : affected.of(changedFiles());
        if (githubOutput.requested()) {
            githubOutput.append("modules", result.mavenProjects());
            githubOutput.append("services", result.services());
            githubOutput.append("image-modules", result.imageModules());
        } else {
            System.out.println(result.mavenProjects());
        }
        return 0;
    }

    private boolean commitExists(String commit) {
        return ProcessRunner.run(List.of("git", "cat-file", "-e", commit + "^{commit}"), repo.dir(), Duration.ofSeconds(30)).ok();
    }

    /** Three dots: the changes on head since it forked from base, not what base gained meanwhile. */
    private List<String> changedFiles() {
        ProcessRunner.Result diff = ProcessRunner.run(List.of("git", "diff", "--name-only", "--no-renames", base + "..." + head),
                repo.dir(), Duration.ofSeconds(60));
        if (!diff.ok()) {
            throw CliException.environment("git diff " + base + "..." + head + " failed: " + diff.stderr().strip());
        }
        return diff.stdout().lines().filter(line -> !line.isBlank()).toList();
    }
}
