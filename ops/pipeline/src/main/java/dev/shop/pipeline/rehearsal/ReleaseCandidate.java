package dev.shop.pipeline.rehearsal;

import dev.shop.cli.CliException;

/**
 * The release candidate the lifecycle cuts from develop: sound, or with one planted defect that the
 * staging gate must stop at a known step. A defect is one line appended to a service's
 * {@code application.properties}, so the image builds and is written into staging like any other.
 * {@link #afterGate} decides what the gate's result means for the lifecycle.
 */
enum ReleaseCandidate {

    SOUND(null, null, null, GateResult.PASSED),
    /** The catalog's HTTP server cannot bind: the container ends, so staging never gets ready. */
    BROKEN_START("app/catalog/src/main/resources/application.properties", "%prod.quarkus.http.host=256.0.0.1",
            "Catalog: a change that breaks its start (the broken-release rehearsal)", GateResult.NOT_READY),
    /**
     * Orders takes at most 8 bytes of request body: it starts and reports ready, but refuses every
     * checkout with a 413, which only the tests after the readiness wait can see.
     */
    FAILING_GATE("app/orders/src/main/resources/application.properties", "%prod.quarkus.http.limits.max-body-size=8",
            "Orders: a change that refuses every checkout (the failing-gate rehearsal)", GateResult.TESTS_FAILED);

    /** Where the staging gate stopped a candidate, or that it let it through. */
    enum GateResult {
        PASSED("passed"),
        NOT_READY("staging never ran the candidate ready"),
        TESTS_FAILED("the system-test subset failed"),
        LOAD_FAILED("the Gatling gate failed");

        final String meaning;

        GateResult(String meaning) {
            this.meaning = meaning;
        }
    }

    /** What the lifecycle does after the staging gate. */
    enum Next { TAG_AND_PROMOTE, CHECK_NOTHING_PAST_STAGING }

    final String file;
    final String plantedLine;
    final String commitMessage;
    final GateResult expected;

    ReleaseCandidate(String file, String plantedLine, String commitMessage, GateResult expected) {
        this.file = file;
        this.plantedLine = plantedLine;
        this.commitMessage = commitMessage;
        this.expected = expected;
    }

    boolean planted() {
        return plantedLine != null;
    }

    /**
     * A sound candidate that passed goes on to main; a planted one stopped at the step its defect
     * breaks stays in staging. Anything else is a finding: a gate that passes a planted defect, that
     * refuses a sound candidate, or that stops a planted one at another step (then the defect was
     * never reached, as when a database timeout ends the start before the planted line matters).
     */
    Next afterGate(GateResult result, String detail) {
        if (result == expected) {
            return result == GateResult.PASSED ? Next.TAG_AND_PROMOTE : Next.CHECK_NOTHING_PAST_STAGING;
        }
        if (this == SOUND) {
            throw CliException.findings("the staging gate refused the release candidate: " + result.meaning + ": " + detail);
        }
        if (result == GateResult.PASSED) {
            throw CliException.findings("the staging gate passed a candidate with a planted defect ("
                    + plantedLine + " in " + file + ")");
        }
        throw CliException.findings("the staging gate stopped the planted candidate because " + result.meaning
                + ", not because " + expected.meaning + ": its defect was never reached: " + detail);
    }
}
