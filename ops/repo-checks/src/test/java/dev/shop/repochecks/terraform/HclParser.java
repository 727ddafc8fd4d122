package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses HCL with HashiCorp's parser by running {@code src/test/node/hcl2json.js} on Node
 * (the npm package {@code @cdktf/hcl2json}, installed by {@code npm ci} in the build).
 * Expressions come back as their source text wrapped in {@code ${...}}.
 */
public final class HclParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path repoChecksDir;

    HclParser(Path repoChecksDir) {
        this.repoChecksDir = repoChecksDir;
    }

    /** The parser of this repository's repo-checks module. */
    public static HclParser forRepository() {
        return new HclParser(RepoPaths.repoRoot().resolve("ops/repo-checks"));
    }

    /** Parses every file; fails with every file's syntax error at once when any is invalid. */
    public Map<Path, JsonNode> parse(Collection<Path> files) {
        if (files.isEmpty()) {
            return Map.of();
        }
        List<String> command = new ArrayList<>(List.of("node", repoChecksDir.resolve("src/test/node/hcl2json.js").toString()));
        files.forEach(file -> command.add(file.toAbsolutePath().normalize().toString()));
        JsonNode result = run(command);
        Map<String, String> errors = new TreeMap<>();
        result.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asText()));
        if (!errors.isEmpty()) {
            throw new HclSyntaxException(String.join(System.lineSeparator(), errors.values()));
        }
        Map<Path, JsonNode> bodies = new LinkedHashMap<>();
        result.path("files").fields().forEachRemaining(e -> bodies.put(Path.of(e.getKey()), e.getValue()));
        return bodies;
    }

    private JsonNode run(List<String> command) {
        try {
            Path stderr = Files.createTempFile("hcl2json", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(repoChecksDir.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                byte[] stdout = process.getInputStream().readAllBytes();
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("hcl2json exited " + exit + ": "
                            + Files.readString(stderr, StandardCharsets.UTF_8).strip()
                            + " (did npm ci run in ops/repo-checks?)");
                }
                return JSON.readTree(stdout);
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (Node 20 must be on PATH): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing HCL", e);
        }
    }

    /** One or more files are not valid HCL; the message lists file:line,column and the reason. */
    static final class HclSyntaxException extends RuntimeException {
        HclSyntaxException(String message) {
            super(message);
        }
    }
}
