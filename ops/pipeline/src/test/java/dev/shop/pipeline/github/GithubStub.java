package dev.shop.pipeline.github;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GitHub's REST API cannot be reached here: this loopback server answers the few calls the
 * pipeline makes with bodies shaped as docs.github.com/rest documents them (commits list,
 * raw file contents, statuses list, create status), keyed by path and query.
 */
public final class GithubStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> posts = new CopyOnWriteArrayList<>();

    public GithubStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String key = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            byte[] body;
            int status;
            if (exchange.getRequestMethod().equals("POST")) {
                posts.add(key + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                status = 201;
                body = "{}".getBytes(StandardCharsets.UTF_8);
            } else if (!"Bearer test".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"message\":\"Bad credentials\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                String answer = answers.get(key);
                status = answer == null ? 404 : 200;
                body = (answer == null ? "{\"message\":\"Not Found\"}" : answer).getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers GET /repos/{repo}{path} with this body. */
    public void answer(String repo, String path, String body) {
        answers.put("/repos/" + repo + path, body);
    }

    public void commits(String repo, String branch, List<String> newestFirst) {
        answer(repo, "/commits?sha=" + branch + "&per_page=50", "[" + String.join(",",
                newestFirst.stream().map(sha -> "{\"sha\":\"" + sha + "\",\"parents\":[]}").toList()) + "]");
    }

    public void file(String repo, String path, String sha, String text) {
        answer(repo, "/contents/" + path + "?ref=" + sha, text);
    }

    /** Statuses of a commit, newest first: {context, state, description, creator login}. */
    public void statuses(String repo, String sha, String... contextStateDescriptionCreator) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < contextStateDescriptionCreator.length; i += 4) {
            json.append(i == 0 ? "" : ",").append("""
                    {"url":"x","id":%d,"state":"%s","description":"%s","target_url":"https://github.com/%s/actions/runs/42","context":"%s",
                     "creator":{"login":"%s","type":"Bot"}}""".formatted(i, contextStateDescriptionCreator[i + 1],
                    contextStateDescriptionCreator[i + 2], repo, contextStateDescriptionCreator[i], contextStateDescriptionCreator[i + 3]));
        }
        answer(repo, "/commits/" + sha + "/statuses?per_page=100", json.append("]").toString());
    }

    /** Workflow run 42 ({@code GET /repos/{repo}/actions/runs/42}), the one every status links to. */
    public void run(String repo, String path, String headBranch, String headSha) {
        answer(repo, "/actions/runs/42", """
                {"id":42,"name":"release candidate","path":"%s","head_branch":"%s","head_sha":"%s","event":"push","status":"completed"}
                """.formatted(path, headBranch, headSha));
    }

    public List<String> posts() {
        return posts;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
