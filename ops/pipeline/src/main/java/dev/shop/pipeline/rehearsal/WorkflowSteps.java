package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shop.cli.CliException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a workflow runs, in the order it runs them: jobs in file order, a called workflow
 * ({@code uses: ./.github/workflows/x.yml}) and a local composite action expanded in place. Each
 * command is reduced to what it does ({@code gitops set-image}, {@code pipeline wait-deployed},
 * {@code mvnw package}, {@code gh release}), so the lifecycle rehearsal can be compared to it.
 */
final class WorkflowSteps {

    /** Composite actions that only set the build up; the rehearsal's own launcher builds the tools. */
    static final Set<String> SETUP_ACTIONS = Set.of("./.github/actions/pipeline-tools", "./.github/actions/setup-build");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern COMMAND = Pattern.compile(
            "ops/bin/gitops\\s+([a-z-]+)"
                    + "|pipeline\\.jar\\s+([a-z-]+)"
                    + "|(ops/bin/quality-gate)\\b"
                    + "|\\./mvnw\\b([^|;&\\n]*)"
                    + "|(?<![\\w-])gh\\s+(release|pr)\\s+([a-z]+)"
                    + "|(?<![\\w/-])aws\\s+([a-z0-9-]+)\\s+([a-z0-9-]+)");
    private static final List<String> MAVEN_GOALS = List.of("gatling:test", "verify", "package", "install", "test");

    private WorkflowSteps() {
    }

    /** The commands of {@code .github/workflows/<file>} under {@code repo}, in order. */
    static List<String> of(Path repo, String workflowFile) {
        List<String> commands = new ArrayList<>();
        JsonNode workflow = read(repo.resolve(".github/workflows").resolve(workflowFile));
        workflow.path("jobs").fields().forEachRemaining(job -> {
            String calls = job.getValue().path("uses").asText("");
            if (calls.startsWith("./.github/workflows/")) {
                commands.addAll(of(repo, calls.substring("./.github/workflows/".length())));
            }
            for (JsonNode step : job.getValue().path("steps")) {
                commands.addAll(ofStep(repo, step));
            }
        });
        return commands;
    }

    private static List<String> ofStep(Path repo, JsonNode step) {
        String uses = step.path("uses").asText("");
        if (uses.startsWith("./.github/actions/") && !SETUP_ACTIONS.contains(uses)) {
            List<String> commands = new ArrayList<>();
            for (JsonNode inner : read(repo.resolve(uses.substring(2)).resolve("action.yml")).path("runs").path("steps")) {
                commands.addAll(ofStep(repo, inner));
            }
            return commands;
        }
        return commands(step.path("run").asText(""));
    }

    /** The first {@code run:} script of the workflow's own steps that contains {@code text}, or "". */
    static String scriptContaining(Path repo, String workflowFile, String text) {
        JsonNode workflow = read(repo.resolve(".github/workflows").resolve(workflowFile));
        for (JsonNode job : workflow.path("jobs")) {
            for (JsonNode step : job.path("steps")) {
                String script = step.path("run").asText("");
                if (script.contains(text)) {
                    return script;
                }
            }
        }
        return "";
    }

    /** The commands a {@code run:} script calls, in the order they appear. */
    static List<String> commands(String script) {
        List<String> commands = new ArrayList<>();
        Matcher matcher = COMMAND.matcher(script.replace("\\\n", " "));
        while (matcher.find()) {
            if (matcher.group(1) != null) {
                commands.add("gitops " + matcher.group(1));
            } else if (matcher.group(2) != null) {
                commands.add("pipeline " + matcher.group(2));
            } else if (matcher.group(3) != null) {
                commands.add("quality-gate");
            } else if (matcher.group(4) != null) {
                commands.add("mvnw " + mavenGoal(matcher.group(4)));
            } else if (matcher.group(5) != null) {
                commands.add("gh " + matcher.group(5) + " " + matcher.group(6));
            } else {
                commands.add("aws " + matcher.group(7) + " " + matcher.group(8));
            }
        }
        return commands;
    }

    private static String mavenGoal(String arguments) {
        List<String> words = List.of(arguments.strip().split("\\s+"));
        return MAVEN_GOALS.stream().filter(words::contains).findFirst().orElse("(no goal)");
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw CliException.environment("cannot read " + file + ": " + e.getMessage());
        }
    }
}
