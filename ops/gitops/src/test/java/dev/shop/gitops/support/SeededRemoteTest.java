package dev.shop.gitops.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A test on a fresh bare remote seeded with the fixture gitops-envs and one clone of it, made before
 * each test (a subclass's own @BeforeEach runs after this one, on the clone).
 */
public abstract class SeededRemoteTest {

    @TempDir
    protected Path temp;

    protected GitRepos repos;
    protected Path clone;

    private final String cloneName;

    /** cloneName: the clone's folder and git identity ("ci" for the pipeline, "ops" for a person). */
    protected SeededRemoteTest(String cloneName) {
        this.cloneName = cloneName;
    }

    @BeforeEach
    void seedTheRemote() {
        repos = GitRepos.seeded(temp, GitRepos.FIXTURES.resolve("gitops-envs"));
        clone = repos.clone(cloneName);
    }
}
