package dev.shop.pipeline.github;

import picocli.CommandLine.Option;

/** The repository a command reads or writes through GitHub's API, with the job's GITHUB_TOKEN. */
public final class GithubOptions {

    @Option(names = "--repository", required = true, description = "owner/name (GITHUB_REPOSITORY)")
    String repository;

    /** GitHub API address; tests point it at a local server. */
    @Option(names = "--api-url", hidden = true)
    String apiUrl;

    public GithubApi api() {
        return GithubApi.forCommand(apiUrl, repository);
    }
}
