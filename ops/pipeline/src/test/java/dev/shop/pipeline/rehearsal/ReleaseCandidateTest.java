package dev.shop.pipeline.rehearsal;

import dev.shop.pipeline.PipelineCli;
import dev.shop.cli.CliException;
import dev.shop.cli.ExitCodes;
import dev.shop.pipeline.rehearsal.ReleaseCandidate.GateResult;
import dev.shop.pipeline.rehearsal.ReleaseCandidate.Next;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the lifecycle does after the staging gate, for the sound candidate and each planted defect. */
class ReleaseCandidateTest {

    private static final Path REPO = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();

    @Test
    void aSoundCandidateThatPassedGoesOnToMain() {
        assertThat(ReleaseCandidate.SOUND.afterGate(GateResult.PASSED, "")).isEqualTo(Next.TAG_AND_PROMOTE);
    }

    @Test
    void aSoundCandidateRefusedAtAnyStepStopsTheLifecycleWithTheReason() {
        for (GateResult refused : new GateResult[] {GateResult.NOT_READY, GateResult.TESTS_FAILED, GateResult.LOAD_FAILED}) {
            assertThatThrownBy(() -> ReleaseCandidate.SOUND.afterGate(refused, "cart p95 873 ms > 800 ms"))
                    .isInstanceOf(CliException.class)
                    .hasMessageContaining(refused.meaning).hasMessageContaining("cart p95 873 ms")
                    .extracting(failure -> ((CliException) failure).exitCode()).isEqualTo(ExitCodes.FINDINGS);
        }
    }

    @Test
    void aPlantedDefectStoppedWhereItBreaksIsHeldInStaging() {
        assertThat(ReleaseCandidate.BROKEN_START.afterGate(GateResult.NOT_READY, "catalog restarted 3 times"))
                .isEqualTo(Next.CHECK_NOTHING_PAST_STAGING);
        assertThat(ReleaseCandidate.FAILING_GATE.afterGate(GateResult.TESTS_FAILED, "orders: checkout answered 413"))
                .isEqualTo(Next.CHECK_NOTHING_PAST_STAGING);
    }

    @Test
    void aGateThatLetsAPlantedDefectThroughFailsTheRehearsal() {
        for (ReleaseCandidate planted : new ReleaseCandidate[] {ReleaseCandidate.BROKEN_START, ReleaseCandidate.FAILING_GATE}) {
            assertThatThrownBy(() -> planted.afterGate(GateResult.PASSED, ""))
                    .isInstanceOf(CliException.class).hasMessageContaining("passed a candidate with a planted defect");
        }
    }

    @Test
    void aPlantedDefectStoppedAtAnotherStepProvesNothingAboutItsOwn() {
        // the failing-gate candidate must get ready: a refusal at the readiness wait never reached its defect
        assertThatThrownBy(() -> ReleaseCandidate.FAILING_GATE.afterGate(GateResult.NOT_READY, "orders: connection refused"))
                .isInstanceOf(CliException.class).hasMessageContaining("never reached");
        assertThatThrownBy(() -> ReleaseCandidate.FAILING_GATE.afterGate(GateResult.LOAD_FAILED, "browse p95"))
                .isInstanceOf(CliException.class).hasMessageContaining("never reached");
        assertThatThrownBy(() -> ReleaseCandidate.BROKEN_START.afterGate(GateResult.TESTS_FAILED, "catalog: 500"))
                .isInstanceOf(CliException.class).hasMessageContaining("never reached");
    }

    @Test
    void eachDefectIsPlantedInAFileOfTheRepositoryThatDoesNotHoldItYet() throws IOException {
        for (ReleaseCandidate planted : new ReleaseCandidate[] {ReleaseCandidate.BROKEN_START, ReleaseCandidate.FAILING_GATE}) {
            Path file = REPO.resolve(planted.file);
            assertThat(file).isRegularFile();
            String key = planted.plantedLine.substring(0, planted.plantedLine.indexOf('='));
            assertThat(Files.readString(file).lines()).noneMatch(line -> line.startsWith(key + "="));
        }
    }

    @Test
    void aVariantWithoutTheLifecycleOrBothVariantsAtOnceAreUsageErrors() {
        assertThat(exitCode("rehearse", "--failing-gate")).isEqualTo(ExitCodes.USAGE);
        assertThat(exitCode("rehearse", "--broken-release")).isEqualTo(ExitCodes.USAGE);
        assertThat(exitCode("rehearse", "--lifecycle", "--broken-release", "--failing-gate")).isEqualTo(ExitCodes.USAGE);
    }

    private static int exitCode(String... args) {
        var commandLine = PipelineCli.commandLine();
        commandLine.setErr(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }
}
