package dev.shop.repochecks.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A workflow ({@code .github/workflows/*.yml}) or composite action ({@code .github/actions/* /action.yml}):
 * its name relative to the repository, raw text (for the comments YAML drops) and parsed tree.
 */
record WorkflowFile(String name, String text, JsonNode tree) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static WorkflowFile parse(String name, String text) {
        try {
            return new WorkflowFile(name, text, YAML.readTree(text));
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " is not YAML: " + e.getMessage(), e);
        }
    }

    /** Every workflow and composite action of the repository, workflows first. */
    static List<WorkflowFile> all(Path repoRoot) {
        List<WorkflowFile> files = new ArrayList<>();
        Path github = repoRoot.resolve(".github");
        try (Stream<Path> workflows = Files.list(github.resolve("workflows"));
             Stream<Path> actions = Files.walk(github.resolve("actions"))) {
            for (Path path : Stream.concat(workflows.sorted(), actions.sorted()).toList()) {
                String fileName = String.valueOf(path.getFileName());
                boolean workflow = github.resolve("workflows").equals(path.getParent())
                        && (fileName.endsWith(".yml") || fileName.endsWith(".yaml"));
                boolean action = fileName.equals("action.yml") || fileName.equals("action.yaml");
                if (workflow || action) {
                    files.add(parse(repoRoot.relativize(path).toString(), Files.readString(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    boolean isAction() {
        return tree.has("runs");
    }

    /** The jobs of a workflow by id; none for a composite action. */
    List<Map.Entry<String, JsonNode>> jobs() {
        List<Map.Entry<String, JsonNode>> jobs = new ArrayList<>();
        tree.path("jobs").fields().forEachRemaining(jobs::add);
        return jobs;
    }

    /** The steps of a job, or of the composite action itself when job is null. */
    List<JsonNode> steps(JsonNode job) {
        List<JsonNode> steps = new ArrayList<>();
        (job == null ? tree.path("runs").path("steps") : job.path("steps")).forEach(steps::add);
        return steps;
    }

    /** Every step in the file, with where it is (for messages). */
    List<Located> allSteps() {
        List<Located> located = new ArrayList<>();
        if (isAction()) {
            steps(null).forEach(step -> located.add(new Located(name, null, step)));
        }
        for (Map.Entry<String, JsonNode> job : jobs()) {
            steps(job.getValue()).forEach(step -> located.add(new Located(name, job.getKey(), step)));
        }
        return located;
    }

    /** The trigger map ({@code on:}); a bare list or string of events becomes a map with empty values. */
    JsonNode triggers() {
        JsonNode on = tree.path("on");
        if (on.isObject()) {
            return on;
        }
        var map = YAML.createObjectNode();
        if (on.isTextual()) {
            map.putObject(on.asText());
        }
        for (Iterator<JsonNode> it = on.elements(); it.hasNext(); ) {
            map.putObject(it.next().asText());
        }
        return map;
    }

    record Located(String file, String job, JsonNode step) {

        String where() {
            String id = step.path("name").asText(step.path("id").asText(step.path("uses").asText("run step")));
            return file + (job == null ? "" : " job " + job) + " step '" + id + "'";
        }
    }
}
