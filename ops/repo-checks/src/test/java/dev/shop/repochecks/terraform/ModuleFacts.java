package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each pinned registry module accepts, read from its upstream variables.tf and versions.tf
 * at the release tag by src/test/node/module-facts.js: one JSON file per module and version in
 * infra-terraform/.module-facts/.
 */
final class ModuleFacts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One module version: its inputs (name, type, required) and its own version constraints. */
    record Module(String source, String version, String requiredVersion, Map<String, String> requiredProviders,
                  Map<String, Input> inputs) {
    }

    record Input(String type, boolean required) {
    }

    private final Map<String, Module> modules;

    private ModuleFacts(Map<String, Module> modules) {
        this.modules = modules;
    }

    /** The facts committed next to the Terraform code. */
    static ModuleFacts forRepository() {
        return load(RepoPaths.infraTerraform().resolve(".module-facts"));
    }

    static ModuleFacts load(Path dir) {
        Map<String, Module> modules = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                Module module = parse(JSON.readTree(file.toFile()));
                modules.put(key(module.source(), module.version()), module);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModuleFacts(modules);
    }

    Optional<Module> find(String source, String version) {
        return Optional.ofNullable(modules.get(key(source, version)));
    }

    Map<String, Module> all() {
        return modules;
    }

    private static Module parse(JsonNode facts) {
        Map<String, String> providers = new LinkedHashMap<>();
        TerraformTree.fields(facts.path("required_providers")).forEach((name, constraint) -> providers.put(name, constraint.asText("")));
        Map<String, Input> inputs = new LinkedHashMap<>();
        TerraformTree.fields(facts.path("inputs")).forEach((name, input) ->
                inputs.put(name, new Input(input.path("type").asText("any"), input.path("required").asBoolean())));
        return new Module(facts.path("source").asText(), facts.path("version").asText(),
                facts.path("required_version").asText(""), providers, inputs);
    }

    private static String key(String source, String version) {
        return source + "@" + version;
    }
}
