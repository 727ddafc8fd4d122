package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;
import static dev.shop.repochecks.terraform.TerraformTree.fields;

/**
 * What one part of the tree names exists where it points: variables, our own modules' inputs and
 * outputs, the variables a tfvars example sets, files under ${path.module}. This is what
 * terraform validate would catch for our own modules.
 */
final class ReferenceRules {

    private static final Pattern MODULE_PATH = Pattern.compile("^\\$\\{path\\.module}/([^$]+)$");

    private ReferenceRules() {
    }

    /**
     * Calls of our own modules pass only variables the module declares and every variable it
     * requires, and read only outputs it declares.
     */
    static List<String> moduleCallsMatchModules(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (TerraformTree.Block call : tree.moduleCalls()) {
            if (ModuleSources.isLocal(call.source())) {
                checkLocalCall(tree, call, findings);
            }
        }
        for (Folder folder : tree.folders()) {
            Map<String, JsonNode> calls = folder.blocks("module");
            for (JsonNode body : folder.bodiesWithoutVariables()) {
                for (String[] ref : Expressions.moduleOutputs(body)) {
                    JsonNode call = calls.get(ref[0]);
                    if (call == null) {
                        findings.add(folder.name() + ": module." + ref[0] + " is referenced but not called here");
                        continue;
                    }
                    String source = call.path("source").asText("");
                    if (ModuleSources.isLocal(source)) {
                        tree.folder(folder.dir().resolve(source).normalize()).ifPresent(module -> {
                            if (!module.blocks("output").containsKey(ref[1])) {
                                findings.add(folder.name() + ": module." + ref[0] + "." + ref[1] + " is not an output of " + module.name());
                            }
                        });
                    }
                }
            }
        }
        return Findings.distinct(findings);
    }

    private static void checkLocalCall(TerraformTree tree, TerraformTree.Block call, List<String> findings) {
        var module = tree.folder(call.folder().dir().resolve(call.source()).normalize());
        if (module.isEmpty()) {
            findings.add(call.where() + " points to " + call.source() + ", which holds no .tf files");
            return;
        }
        Map<String, JsonNode> variables = module.get().blocks("variable");
        Set<String> passed = new HashSet<>(fields(call.body()).keySet());
        passed.removeAll(ModuleSources.META_ARGUMENTS);
        for (String argument : new TreeSet<>(passed)) {
            if (!variables.containsKey(argument)) {
                findings.add(call.where() + " passes " + argument + ", which " + module.get().name() + " does not declare");
            }
        }
        variables.forEach((name, declaration) -> {
            if (!declaration.has("default") && !passed.contains(name)) {
                findings.add(call.where() + " does not pass required variable " + name);
            }
        });
    }

    /** Every var.x is declared; every declared variable is used outside its own declaration. */
    static List<String> variablesDeclaredAndUsed(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            Set<String> declared = folder.blocks("variable").keySet();
            Set<String> used = new TreeSet<>();
            folder.bodiesWithoutVariables().forEach(body -> used.addAll(Expressions.variables(body)));
            // A variable's validation may read other variables (Terraform >= 1.9): that is a use too,
            // but a validation reading its own variable is not.
            folder.blocks("variable").forEach((name, body) -> Expressions.variables(body).stream()
                    .filter(ref -> !ref.equals(name))
                    .forEach(used::add));
            for (String name : used) {
                if (!declared.contains(name)) {
                    findings.add(folder.name() + ": var." + name + " is used but not declared");
                }
            }
            for (String name : declared) {
                if (!used.contains(name)) {
                    findings.add(folder.name() + ": variable " + name + " is declared but never used");
                }
            }
        }
        return findings;
    }

    /** terraform.tfvars.example of a root names only declared variables and every required one. */
    static List<String> exampleVariables(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        tree.otherHcl().forEach((file, body) -> {
            if (!file.getFileName().toString().equals("terraform.tfvars.example")) {
                return;
            }
            var folder = tree.folder(file.getParent());
            if (folder.isEmpty()) {
                findings.add(tree.relative(file) + ": no Terraform root next to it");
                return;
            }
            Map<String, JsonNode> variables = folder.get().blocks("variable");
            fields(body).keySet().stream().filter(key -> !variables.containsKey(key))
                    .forEach(key -> findings.add(tree.relative(file) + ": " + key + " is not a variable of " + folder.get().name()));
            variables.forEach((name, declaration) -> {
                if (!declaration.has("default") && !body.has(name)) {
                    findings.add(tree.relative(file) + ": required variable " + name + " is missing");
                }
            });
        });
        for (Folder folder : tree.folders()) {
            if (folder.name().startsWith("envs/") && !Files.exists(folder.dir().resolve("terraform.tfvars.example"))) {
                findings.add(folder.name() + ": live root has no terraform.tfvars.example");
            }
        }
        return findings;
    }

    /** Paths built from ${path.module} (such as the root Application manifest) name existing files. */
    static List<String> referencedFilesExist(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            for (JsonNode body : folder.bodiesWithoutVariables()) {
                Expressions.forEachString(body, text -> {
                    Matcher matcher = MODULE_PATH.matcher(text);
                    if (matcher.matches() && !Files.exists(folder.dir().resolve(matcher.group(1)).normalize())) {
                        findings.add(folder.name() + ": " + text + " does not exist");
                    }
                });
            }
        }
        return Findings.distinct(findings);
    }
}
