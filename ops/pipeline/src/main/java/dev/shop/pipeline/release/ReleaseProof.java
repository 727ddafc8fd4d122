package dev.shop.pipeline.release;

import dev.shop.pipeline.registry.OverlayImages;

import java.util.Map;

/** How the staging load test's result is written on the tested commit and read back on main. */
final class ReleaseProof {

    /** The commit status context the load-test job sets and release-check reads. */
    static final String CONTEXT = "shop/staging-load-test";

    /** The only workflow whose runs may record a passed load test. */
    static final String WORKFLOW = ".github/workflows/release.yml";

    /** GitHub Actions' own identity: statuses set by a workflow's GITHUB_TOKEN carry it as creator. */
    static final String ACTIONS_BOT = "github-actions[bot]";

    private ReleaseProof() {
    }

    /** The status description (GitHub keeps 140 characters; this is 78). */
    static String describe(Map<String, String> digests) {
        return "tested " + OverlayImages.fingerprint(digests);
    }
}
