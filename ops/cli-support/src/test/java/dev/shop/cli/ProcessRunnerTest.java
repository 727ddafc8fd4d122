package dev.shop.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProcessRunnerTest {

    private static final Duration ENOUGH = Duration.ofSeconds(30);

    @Test
    void capturesBothStreamsTheExitCodeAndFeedsStdin() {
        ProcessRunner.Result result = ProcessRunner.run(List.of("sh", "-c", "cat; echo \"$GREETING\" >&2; exit 4"), null,
                Map.of("GREETING", "hello"), "from stdin", ENOUGH);
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.ok()).isFalse();
        assertThat(result.stdout()).isEqualTo("from stdin");
        assertThat(result.firstErrorLine()).isEqualTo("hello");
    }

    @Test
    void aCommandStillRunningAtTheDeadlineIsStoppedAndReportedAsAnEnvironmentProblem() {
        Instant start = Instant.now();
        CliException failure = catchThrowableOfType(CliException.class,
                () -> ProcessRunner.run(List.of("sh", "-c", "sleep 30"), null, Duration.ofMillis(300)));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(failure.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(failure.getMessage()).contains("sh -c").contains("did not finish");
    }

    @Test
    void aProgramThatCannotStartIsAnEnvironmentProblem() {
        CliException failure = catchThrowableOfType(CliException.class,
                () -> ProcessRunner.run(List.of("no-such-program-anywhere"), null, ENOUGH));
        assertThat(failure.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(failure.getMessage()).contains("no-such-program-anywhere");
    }

    @Test
    void orThrowKeepsASuccessAndTurnsAFailureIntoAnEnvironmentProblemQuotingTheLastLines() {
        ProcessRunner.Result ok = ProcessRunner.run(List.of("sh", "-c", "echo fine"), null, ENOUGH);
        assertThat(ok.orThrow()).isSameAs(ok);

        ProcessRunner.Result failed = ProcessRunner.run(List.of("sh", "-c", "seq 1 30 >&2; exit 1"), null, ENOUGH);
        CliException failure = catchThrowableOfType(CliException.class, failed::orThrow);
        assertThat(failure.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(failure.getMessage()).contains("exit 1").contains("30").doesNotContain("\n10\n");
    }
}
