package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;
import static dev.shop.repochecks.terraform.TerraformTree.fields;

/**
 * Calls of pinned registry modules against the modules' own variables and version constraints
 * (ModuleFacts), what {@code terraform init} and {@code validate} would say if the registry were
 * reachable: an argument the module does not have, a required input not passed, a literal of the
 * wrong kind, a pin without facts, and a declared Terraform or provider lower bound below what a
 * module used needs.
 */
final class ModuleInputRules {

    /** {@code >= 1.11}, {@code ~> 6.28}, {@code = 1.2.3} or a bare {@code 1.2.3}: a lower bound. */
    private static final Pattern LOWER_BOUND = Pattern.compile("(?:>=|~>|=|^)\\s*(\\d+(?:\\.\\d+){0,2})");

    private ModuleInputRules() {
    }

    /** Every argument of a registry module call is an input of that module version, with a literal of a fitting kind; every required input is passed. */
    static List<String> inputsExist(TerraformTree tree, ModuleFacts facts) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            folder.blocks("module").forEach((callName, call) -> {
                String source = call.path("source").asText("");
                if (!ModuleSources.isRegistry(source)) {
                    return;
                }
                String version = call.path("version").asText("");
                String where = folder.name() + ": module " + callName + " (" + source + " " + version + ")";
                Optional<ModuleFacts.Module> module = facts.find(source, version);
                if (module.isEmpty()) {
                    findings.add(where + " has no facts file in infra-terraform/.module-facts; generate it with src/test/node/module-facts.js");
                    return;
                }
                Map<String, ModuleFacts.Input> inputs = module.get().inputs();
                Map<String, JsonNode> arguments = new HashMap<>(fields(call));
                ModuleSources.META_ARGUMENTS.forEach(arguments::remove);
                for (String argument : new TreeSet<>(arguments.keySet())) {
                    ModuleFacts.Input input = inputs.get(argument);
                    if (input == null) {
                        findings.add(where + " passes " + argument + ", which is not an input of that version");
                    } else {
                        kindMismatch(input.type(), arguments.get(argument))
                                .ifPresent(problem -> findings.add(where + ": " + argument + " is " + input.type() + " but gets " + problem));
                    }
                }
                inputs.forEach((name, input) -> {
                    if (input.required() && !arguments.containsKey(name)) {
                        findings.add(where + " does not pass required input " + name);
                    }
                });
            });
        }
        return findings;
    }

    /**
     * A folder's required_version and provider lower bounds are at least what the registry
     * modules it calls need; required_version also covers the local modules it calls, so a root
     * states the floor of everything it applies.
     */
    static List<String> versionFloors(TerraformTree tree, ModuleFacts facts) {
        List<String> findings = new ArrayList<>();
        Map<Path, List<Need>> cache = new HashMap<>();
        for (Folder folder : tree.folders()) {
            List<Integer> declared = lowerBound(requiredVersion(folder)).orElse(List.of(0));
            for (Need need : terraformNeeds(tree, folder, facts, cache, new HashSet<>())) {
                if (compare(declared, need.floor()) < 0) {
                    findings.add(folder.name() + ": required_version '" + requiredVersion(folder) + "' is below " + join(need.floor())
                            + ", which " + need.who() + " needs");
                }
            }
            Map<String, String> providers = declaredProviders(folder);
            folder.blocks("module").forEach((callName, call) -> facts.find(call.path("source").asText(""), call.path("version").asText(""))
                    .ifPresent(module -> module.requiredProviders().forEach((provider, constraint) -> {
                        Optional<List<Integer>> needed = lowerBound(constraint);
                        Optional<List<Integer>> ours = Optional.ofNullable(providers.get(provider)).flatMap(ModuleInputRules::lowerBound);
                        if (needed.isPresent() && ours.isPresent() && compare(ours.get(), needed.get()) < 0) {
                            findings.add(folder.name() + ": provider " + provider + " '" + providers.get(provider) + "' allows versions below "
                                    + join(needed.get()) + ", which module " + callName + " needs");
                        }
                    })));
        }
        return Findings.distinct(findings);
    }

    private record Need(List<Integer> floor, String who) {
    }

    /** Terraform versions needed by the registry modules a folder calls, directly or through its local modules. */
    private static List<Need> terraformNeeds(TerraformTree tree, Folder folder, ModuleFacts facts, Map<Path, List<Need>> cache, Set<Path> visiting) {
        if (cache.containsKey(folder.dir())) {
            return cache.get(folder.dir());
        }
        if (!visiting.add(folder.dir())) {
            return List.of();
        }
        List<Need> needs = new ArrayList<>();
        folder.blocks("module").forEach((callName, call) -> {
            String source = call.path("source").asText("");
            if (ModuleSources.isLocal(source)) {
                tree.folder(folder.dir().resolve(source).normalize()).ifPresent(child -> {
                    lowerBound(requiredVersion(child)).ifPresent(floor -> needs.add(new Need(floor, child.name())));
                    needs.addAll(terraformNeeds(tree, child, facts, cache, visiting));
                });
            } else {
                facts.find(source, call.path("version").asText("")).ifPresent(module -> lowerBound(module.requiredVersion())
                        .ifPresent(floor -> needs.add(new Need(floor, module.source() + " " + module.version()))));
            }
        });
        cache.put(folder.dir(), needs);
        return needs;
    }

    private static String requiredVersion(Folder folder) {
        return folder.terraformBlocks().stream()
                .map(block -> block.path("required_version").asText(""))
                .filter(text -> !text.isEmpty())
                .findFirst().orElse("");
    }

    private static Map<String, String> declaredProviders(Folder folder) {
        Map<String, String> providers = new HashMap<>();
        for (JsonNode block : folder.terraformBlocks()) {
            for (JsonNode required : block.path("required_providers")) {
                fields(required).forEach((name, requirement) -> providers.put(name, requirement.path("version").asText("")));
            }
        }
        return providers;
    }

    /** The highest lower bound a constraint states, padded to three numbers. */
    static Optional<List<Integer>> lowerBound(String constraint) {
        List<Integer> best = null;
        for (String part : constraint.split(",")) {
            Matcher matcher = LOWER_BOUND.matcher(part.trim());
            if (matcher.find() && !part.trim().startsWith("<") && !part.trim().startsWith("!=")) {
                List<Integer> version = new ArrayList<>();
                for (String number : matcher.group(1).split("\\.")) {
                    version.add(Integer.parseInt(number));
                }
                while (version.size() < 3) {
                    version.add(0);
                }
                if (best == null || compare(version, best) > 0) {
                    best = version;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int left = i < a.size() ? a.get(i) : 0;
            int right = i < b.size() ? b.get(i) : 0;
            if (left != right) {
                return Integer.compare(left, right);
            }
        }
        return 0;
    }

    private static String join(List<Integer> version) {
        return version.stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElse("");
    }

    /**
     * A literal that Terraform cannot convert to the input's type: a list or object for a
     * primitive, a scalar for a collection, a non-boolean string for bool, a non-numeric one for
     * number. Expressions and null are left to terraform validate.
     */
    private static Optional<String> kindMismatch(String type, JsonNode value) {
        if (value.isNull() || Expressions.isExpression(value) || type.equals("any")) {
            return Optional.empty();
        }
        boolean collection = type.matches("^(list|set|tuple|map|object)\\b.*");
        boolean structured = value.isArray() || value.isObject();
        if (collection && !structured) {
            return Optional.of("the scalar " + value);
        }
        if (!collection && structured) {
            return Optional.of(value.isArray() ? "a list" : "an object");
        }
        if (type.equals("bool") && value.isNumber()
                || type.equals("bool") && value.isTextual() && !value.asText().matches("true|false")) {
            return Optional.of(value.toString());
        }
        if (type.equals("number") && (value.isBoolean() || value.isTextual() && !value.asText().matches("-?\\d+(\\.\\d+)?"))) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }
}
