package dev.shop.gitops;

import dev.shop.cli.CliException;
import dev.shop.cli.ExitCodes;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.shop.gitops.support.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A remote that accepts the connection and never answers: the fetch is stopped at its deadline, not waited on. */
class GitTimeoutTest {

    @TempDir
    Path temp;

    @Test
    void aStalledFetchFailsAtItsDeadlineAsAnEnvironmentProblem() {
        Path repo = temp.resolve("repo");
        git(temp, "init", "--quiet", "-b", "main", repo.toString());
        git(repo, "config", "protocol.ext.allow", "always");
        // git's ext:: transport runs this command as the remote end; it says nothing for a minute
        git(repo, "remote", "add", "stalled", "ext::sleep 60");
        CommitWriter writer = new CommitWriter(new Git(repo).withTimeout(Duration.ofSeconds(2)), "stalled", true, 1);
        long start = System.nanoTime();

        CliException failure = catchThrowableOfType(CliException.class, () -> writer.tip("main"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(failure).isNotNull();
        assertThat(failure.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(failure.getMessage()).isEqualTo("git fetch did not finish within 2 s; stopped it");
    }
}
