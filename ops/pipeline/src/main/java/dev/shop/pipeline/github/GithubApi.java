package dev.shop.pipeline.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cli.CliException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The few GitHub REST calls the pipeline makes from a GitHub-hosted runner with the job's
 * GITHUB_TOKEN: list a branch's commits, read a file at a commit, read and set commit statuses.
 * Field names and media types as in docs.github.com/rest (recorded in docs/decisions/0705).
 */
public final class GithubApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String repository;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public GithubApi(String baseUrl, String repository, String token) {
        if (!repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw CliException.usage("--repository must be owner/name: " + repository);
        }
        if (token == null || token.isBlank()) {
            throw CliException.environment("no GitHub token: set GITHUB_TOKEN for this step");
        }
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.repository = repository;
        this.token = token;
    }

    /** The API of the run's GitHub (GITHUB_API_URL), with the job's GITHUB_TOKEN. */
    public static GithubApi fromEnvironment(String repository) {
        return new GithubApi(System.getenv().getOrDefault("GITHUB_API_URL", "https://api.github.com"), repository,
                System.getenv("GITHUB_TOKEN"));
    }

    /** The run's API, or the one a test names (the commands' hidden --api-url), with GITHUB_TOKEN. */
    public static GithubApi forCommand(String apiUrl, String repository) {
        return apiUrl == null ? fromEnvironment(repository) : new GithubApi(apiUrl, repository, System.getenv().getOrDefault("GITHUB_TOKEN", "test"));
    }

    /** Commit SHAs of a branch, newest first ({@code GET /repos/{repo}/commits?sha=}). */
    public java.util.List<String> commits(String branch, int count) {
        JsonNode list = get("/commits?sha=" + encode(branch) + "&per_page=" + count, "application/vnd.github+json")
                .map(GithubApi::json).orElseThrow(() -> CliException.environment("branch " + branch + " not found"));
        java.util.List<String> shas = new java.util.ArrayList<>();
        list.forEach(commit -> shas.add(commit.path("sha").asText()));
        return shas;
    }

    /** A file's text at a commit, or empty when it does not exist there. */
    public Optional<String> file(String path, String ref) {
        return get("/contents/" + path + "?ref=" + encode(ref), "application/vnd.github.raw+json");
    }

    /** The newest status of one context on a commit ({@code GET /repos/{repo}/commits/{ref}/statuses}, newest first). */
    public Optional<CommitStatus> status(String sha, String context) {
        JsonNode list = get("/commits/" + encode(sha) + "/statuses?per_page=100", "application/vnd.github+json")
                .map(GithubApi::json).orElse(JSON.createArrayNode());
        for (JsonNode status : list) {
            if (status.path("context").asText().equals(context)) {
                return Optional.of(new CommitStatus(status.path("state").asText(), status.path("description").asText(""),
                        status.path("target_url").asText(""), status.path("creator").path("login").asText("")));
            }
        }
        return Optional.empty();
    }

    /** A workflow run ({@code GET /repos/{repo}/actions/runs/{id}}): its workflow file, branch and commit. */
    public Optional<WorkflowRun> run(long id) {
        return get("/actions/runs/" + id, "application/vnd.github+json").map(GithubApi::json)
                .map(run -> new WorkflowRun(run.path("path").asText(""), run.path("head_branch").asText(""),
                        run.path("head_sha").asText(""), run.path("event").asText("")));
    }

    public record WorkflowRun(String path, String headBranch, String headSha, String event) {
    }

    /** Sets a commit status ({@code POST /repos/{repo}/statuses/{sha}}). */
    public void setStatus(String sha, String context, CommitStatus status) {
        var body = JSON.createObjectNode().put("state", status.state()).put("context", context)
                .put("description", status.description());
        if (!status.targetUrl().isEmpty()) {
            body.put("target_url", status.targetUrl());
        }
        HttpRequest request = builder("/statuses/" + encode(sha), "application/vnd.github+json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201) {
            throw CliException.environment("POST status on " + sha + ": HTTP " + response.statusCode() + " " + response.body().strip());
        }
    }

    /** One commit status: state is error, failure, pending or success. */
    public record CommitStatus(String state, String description, String targetUrl, String creator) {
    }

    private Optional<String> get(String path, String accept) {
        HttpResponse<String> response = send(builder(path, accept).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw CliException.environment("GET " + path + ": HTTP " + response.statusCode() + " " + response.body().strip());
        }
        return Optional.of(response.body());
    }

    private HttpRequest.Builder builder(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/repos/" + repository + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .header("Authorization", "Bearer " + token)
                .header("X-GitHub-Api-Version", "2022-11-28");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw CliException.environment("GitHub API " + baseUrl + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.environment("interrupted talking to " + baseUrl);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw CliException.environment("GitHub answered no JSON: " + e.getMessage());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
