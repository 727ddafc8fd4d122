package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;
import static dev.shop.repochecks.terraform.TerraformTree.fields;

/**
 * Static rules for infra-terraform/, run where terraform init and validate cannot reach the
 * registry. Each rule returns findings as "folder: what is wrong"; no finding means it passes.
 * Version policy (docs/decisions/0401): registry modules, Helm charts and tflint plugins at an
 * exact version; providers with an upper bound ({@code ~>} in roots, {@code >= x, < y} in modules).
 */
final class TerraformRules {

    static final String SUB = "token.actions.githubusercontent.com:sub";
    static final String AUD = "token.actions.githubusercontent.com:aud";
    /**
     * The only GitHub environments that may assume a role; the push role must allow exactly these.
     * Roles trust environments, not branches: each environment admits only its branches
     * (.github/settings/environments, checked by the workflows' RolePermissionsTest).
     */
    static final Set<String> DELIVERY_ENVIRONMENTS = Set.of("dev", "staging", "production");

    private static final Pattern EXACT_VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");
    private static final Pattern MIN_VERSION = Pattern.compile(">=\\s*(\\d+)\\.(\\d+)");
    private static final Pattern SUBJECT = Pattern.compile("^repo:([^:*]+/[^:*]+):environment:([A-Za-z0-9_.-]+)$");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)^(.*[_-])?(password|passwd|secret|token|auth_token|access_key|secret_key|private_key|api_key)$");
    private static final Pattern MODULE_PATH = Pattern.compile("^\\$\\{path\\.module}/([^$]+)$");
    static final Set<String> MODULE_META_ARGUMENTS = Set.of("source", "version", "providers", "count", "for_each", "depends_on");

    private static final Map<String, Pattern> SECRET_PATTERNS = Map.of(
            "AWS access key ID", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            "AWS secret access key", Pattern.compile("(?i)aws_secret_access_key\\s*=\\s*\"[^\"$]"),
            "private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            "GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"),
            "Slack token", Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}"));

    private TerraformRules() {
    }

    /** Every rule over the whole tree. */
    static List<String> all(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        findings.addAll(moduleLayout(tree));
        findings.addAll(variablesDeclaredAndUsed(tree));
        findings.addAll(moduleCallsMatchModules(tree));
        findings.addAll(versionsPinned(tree));
        findings.addAll(stateBackend(tree));
        findings.addAll(noHardCodedSecrets(tree));
        findings.addAll(githubOidcTrust(tree));
        findings.addAll(ecrImmutable(tree));
        findings.addAll(prodDataStores(tree));
        findings.addAll(exampleVariables(tree));
        findings.addAll(referencedFilesExist(tree));
        return findings;
    }

    /** Modules have main/variables/outputs/versions.tf; variables are typed and described; outputs described. */
    static List<String> moduleLayout(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            if (folder.name().startsWith("modules/")) {
                for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
                    if (!folder.hasFile(file)) {
                        findings.add(folder.name() + ": " + file + " is missing");
                    }
                }
            }
            folder.blocks("variable").forEach((name, body) -> {
                if (!body.hasNonNull("type")) {
                    findings.add(folder.name() + ": variable " + name + " has no type");
                }
                if (body.path("description").asText("").isBlank()) {
                    findings.add(folder.name() + ": variable " + name + " has no description");
                }
            });
            folder.blocks("output").forEach((name, body) -> {
                if (body.path("description").asText("").isBlank()) {
                    findings.add(folder.name() + ": output " + name + " has no description");
                }
            });
        }
        return findings;
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

    /**
     * Calls of our own modules pass only variables the module declares and every variable it
     * requires, and read only outputs it declares: what terraform validate would catch.
     */
    static List<String> moduleCallsMatchModules(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            Map<String, JsonNode> calls = folder.blocks("module");
            calls.forEach((callName, call) -> {
                String source = call.path("source").asText("");
                if (!isLocal(source)) {
                    return;
                }
                Path target = folder.dir().resolve(source).normalize();
                var module = tree.folder(target);
                if (module.isEmpty()) {
                    findings.add(folder.name() + ": module " + callName + " points to " + source + ", which holds no .tf files");
                    return;
                }
                Map<String, JsonNode> variables = module.get().blocks("variable");
                Set<String> passed = new HashSet<>(fields(call).keySet());
                passed.removeAll(MODULE_META_ARGUMENTS);
                for (String argument : new TreeSet<>(passed)) {
                    if (!variables.containsKey(argument)) {
                        findings.add(folder.name() + ": module " + callName + " passes " + argument + ", which " + module.get().name() + " does not declare");
                    }
                }
                variables.forEach((name, declaration) -> {
                    if (!declaration.has("default") && !passed.contains(name)) {
                        findings.add(folder.name() + ": module " + callName + " does not pass required variable " + name);
                    }
                });
            });
            for (JsonNode body : folder.bodiesWithoutVariables()) {
                for (String[] ref : Expressions.moduleOutputs(body)) {
                    JsonNode call = calls.get(ref[0]);
                    if (call == null) {
                        findings.add(folder.name() + ": module." + ref[0] + " is referenced but not called here");
                        continue;
                    }
                    String source = call.path("source").asText("");
                    if (isLocal(source)) {
                        tree.folder(folder.dir().resolve(source).normalize()).ifPresent(module -> {
                            if (!module.blocks("output").containsKey(ref[1])) {
                                findings.add(folder.name() + ": module." + ref[0] + "." + ref[1] + " is not an output of " + module.name());
                            }
                        });
                    }
                }
            }
        }
        return distinct(findings);
    }

    /** Exact versions for registry modules, Helm charts and tflint plugins; bounded provider ranges; required_version. */
    static List<String> versionsPinned(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            folder.blocks("module").forEach((name, call) -> {
                String source = call.path("source").asText("");
                String version = call.path("version").asText("");
                if (isLocal(source)) {
                    if (!version.isEmpty()) {
                        findings.add(folder.name() + ": module " + name + " is local and cannot take a version");
                    }
                } else if (isRegistry(source)) {
                    if (!EXACT_VERSION.matcher(version).matches()) {
                        findings.add(folder.name() + ": module " + name + " (" + source + ") must pin an exact version, has '" + version + "'");
                    }
                } else if (!source.matches(".*[?&]ref=[0-9a-f]{40}$")) {
                    findings.add(folder.name() + ": module " + name + " (" + source + ") must pin ?ref= to a commit SHA");
                }
            });
            folder.blocks("resource", "helm_release").forEach((name, release) -> {
                if (!EXACT_VERSION.matcher(release.path("version").asText("")).matches()) {
                    findings.add(folder.name() + ": helm_release " + name + " must pin an exact chart version");
                }
            });
            List<JsonNode> terraformBlocks = folder.terraformBlocks();
            if (terraformBlocks.stream().noneMatch(block -> block.hasNonNull("required_version"))) {
                findings.add(folder.name() + ": terraform.required_version is not set");
            }
            for (JsonNode block : terraformBlocks) {
                for (JsonNode providers : block.path("required_providers")) {
                    fields(providers).forEach((provider, requirement) -> {
                        String version = requirement.path("version").asText("");
                        if (!requirement.hasNonNull("source")) {
                            findings.add(folder.name() + ": provider " + provider + " has no source");
                        }
                        if (!(version.contains("~>") || version.contains("<"))) {
                            findings.add(folder.name() + ": provider " + provider + " version '" + version + "' has no upper bound (use ~> or < )");
                        }
                    });
                }
            }
        }
        tree.otherHcl().forEach((file, body) -> {
            if (file.getFileName().toString().equals(".tflint.hcl")) {
                fields(body.path("plugin")).forEach((name, bodies) -> {
                    JsonNode plugin = TerraformTree.first(bodies);
                    if (plugin.has("source") && !EXACT_VERSION.matcher(plugin.path("version").asText("")).matches()) {
                        findings.add(tree.relative(file) + ": tflint plugin " + name + " must pin an exact version");
                    }
                });
            }
        });
        return findings;
    }

    /** Live roots keep state in S3 with the native lock file, which needs Terraform >= 1.10. */
    static List<String> stateBackend(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            boolean liveRoot = folder.name().startsWith("envs/");
            List<JsonNode> backends = new ArrayList<>();
            folder.terraformBlocks().forEach(block -> fields(block.path("backend")).forEach((type, bodies) -> {
                if (!type.equals("s3")) {
                    findings.add(folder.name() + ": backend " + type + " is not the agreed S3 backend");
                }
                backends.add(TerraformTree.first(bodies));
            }));
            if (liveRoot && backends.isEmpty()) {
                findings.add(folder.name() + ": live root has no backend \"s3\" block");
            }
            for (JsonNode backend : backends) {
                if (!backend.path("use_lockfile").asBoolean(false)) {
                    findings.add(folder.name() + ": backend must set use_lockfile = true");
                }
                if (backend.has("dynamodb_table")) {
                    findings.add(folder.name() + ": backend uses the deprecated dynamodb_table lock; use_lockfile replaces it");
                }
                if (!backend.path("encrypt").asBoolean(false)) {
                    findings.add(folder.name() + ": backend must set encrypt = true");
                }
                String required = folder.terraformBlocks().stream()
                        .map(block -> block.path("required_version").asText(""))
                        .filter(text -> !text.isEmpty())
                        .findFirst().orElse("");
                Matcher min = MIN_VERSION.matcher(required);
                if (!min.find() || Integer.parseInt(min.group(1)) < 1
                        || (Integer.parseInt(min.group(1)) == 1 && Integer.parseInt(min.group(2)) < 10)) {
                    findings.add(folder.name() + ": use_lockfile needs required_version >= 1.10, has '" + required + "'");
                }
            }
        }
        return findings;
    }

    /** No key, token or password literal in any file; secret-named attributes hold expressions only. */
    static List<String> noHardCodedSecrets(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Path file : tree.files()) {
            String text = read(file);
            SECRET_PATTERNS.forEach((what, pattern) -> {
                if (pattern.matcher(text).find()) {
                    findings.add(tree.relative(file) + ": looks like a hard-coded " + what);
                }
            });
        }
        for (Folder folder : tree.folders()) {
            folder.blocks("variable").forEach((name, body) -> {
                JsonNode defaultValue = body.path("default");
                if (SECRET_NAME.matcher(name).matches() && defaultValue.isTextual() && !defaultValue.asText().isEmpty()) {
                    findings.add(folder.name() + ": variable " + name + " has a literal default; secrets come from Secrets Manager");
                }
            });
            for (JsonNode body : folder.bodiesWithoutVariables()) {
                secretLiterals(body, folder.name(), findings);
            }
        }
        tree.otherHcl().forEach((file, body) -> secretLiterals(body, tree.relative(file), findings));
        return distinct(findings);
    }

    private static void secretLiterals(JsonNode node, String where, List<String> findings) {
        if (node.isArray()) {
            node.forEach(child -> secretLiterals(child, where, findings));
        } else if (node.isObject()) {
            fields(node).forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches() && value.isTextual()
                        && !value.asText().isEmpty() && !Expressions.isExpression(value)) {
                    findings.add(where + ": " + key + " is a literal string; secrets come from Secrets Manager");
                }
                secretLiterals(value, where, findings);
            });
        }
    }

    /**
     * GitHub OIDC trust policies: written as aws_iam_policy_document; aud = sts.amazonaws.com by
     * StringEquals; sub by StringEquals/StringLike (never ForAllValues/ForAnyValue, never empty)
     * and only the delivery environments; the push role exactly those, so pull_request runs and
     * branches outside an environment get no push role.
     */
    static List<String> githubOidcTrust(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            folder.blocks("data", "aws_iam_policy_document").forEach((docName, doc) -> {
                for (JsonNode statement : doc.path("statement")) {
                    if (!textValues(statement.path("actions")).contains("sts:AssumeRoleWithWebIdentity")) {
                        continue;
                    }
                    String where = folder.name() + ": policy document " + docName;
                    List<JsonNode> conditions = new ArrayList<>();
                    statement.path("condition").forEach(conditions::add);
                    checkTrustStatement(where, docName, conditions, findings);
                }
            });
            // A GitHub subject anywhere else (jsonencode'd policies, inline JSON) escapes this rule.
            for (JsonNode body : folder.bodiesWithoutVariables()) {
                Expressions.forEachString(body, text -> {
                    if (text.contains(SUB) && !text.equals(SUB)) {
                        findings.add(folder.name() + ": GitHub sub condition outside an aws_iam_policy_document condition block");
                    }
                });
            }
        }
        return distinct(findings);
    }

    private static void checkTrustStatement(String where, String docName, List<JsonNode> conditions, List<String> findings) {
        List<JsonNode> aud = conditions.stream().filter(c -> AUD.equals(c.path("variable").asText())).toList();
        List<JsonNode> sub = conditions.stream().filter(c -> SUB.equals(c.path("variable").asText())).toList();
        if (aud.isEmpty() || aud.stream().anyMatch(c -> !"StringEquals".equals(c.path("test").asText())
                || !textValues(c.path("values")).equals(List.of("sts.amazonaws.com")))) {
            findings.add(where + ": needs StringEquals " + AUD + " = [\"sts.amazonaws.com\"]");
        }
        if (sub.isEmpty()) {
            findings.add(where + ": has no " + SUB + " condition, so any repository could assume the role");
            return;
        }
        Set<String> refs = new LinkedHashSet<>();
        for (JsonNode condition : sub) {
            String test = condition.path("test").asText();
            if (!test.equals("StringEquals") && !test.equals("StringLike")) {
                findings.add(where + ": sub condition test " + test + " (only StringEquals or StringLike; ForAllValues passes on an empty claim)");
            }
            List<String> values = textValues(condition.path("values"));
            if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
                findings.add(where + ": sub condition has empty values");
            }
            for (String value : values) {
                String subject = value.replaceAll("\\$\\{[^}]*}", "owner/repo");
                Matcher matcher = SUBJECT.matcher(subject);
                if (!matcher.matches()) {
                    findings.add(where + ": subject '" + value + "' is not repo:<owner>/<repo>:environment:<name>");
                } else if (!DELIVERY_ENVIRONMENTS.contains(matcher.group(2))) {
                    findings.add(where + ": subject '" + value + "' allows environment " + matcher.group(2) + ", not a delivery environment");
                } else {
                    refs.add(matcher.group(2));
                }
            }
        }
        if (docName.contains("push") && !refs.equals(DELIVERY_ENVIRONMENTS)) {
            findings.add(where + ": the push role must trust exactly " + new TreeSet<>(DELIVERY_ENVIRONMENTS) + ", trusts " + refs);
        }
    }

    /** ECR repositories have immutable tags and scan on push. */
    static List<String> ecrImmutable(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            folder.blocks("module").forEach((name, call) -> {
                if (call.path("source").asText("").startsWith("terraform-aws-modules/ecr/aws")) {
                    if (!"IMMUTABLE".equals(call.path("repository_image_tag_mutability").asText())) {
                        findings.add(folder.name() + ": ECR module " + name + " must set repository_image_tag_mutability = \"IMMUTABLE\"");
                    }
                    if (!call.path("repository_image_scan_on_push").asBoolean(false)) {
                        findings.add(folder.name() + ": ECR module " + name + " must set repository_image_scan_on_push = true");
                    }
                }
            });
            folder.blocks("resource", "aws_ecr_repository").forEach((name, repository) -> {
                if (!"IMMUTABLE".equals(repository.path("image_tag_mutability").asText())) {
                    findings.add(folder.name() + ": aws_ecr_repository " + name + " must set image_tag_mutability = \"IMMUTABLE\"");
                }
            });
        }
        return findings;
    }

    /**
     * The data stores: RDS on PostgreSQL 17 with the master password managed by RDS, the cache
     * encrypted with failover and an auth token; and in envs/prod, Multi-AZ, deletion protection,
     * a final snapshot and at least 7 days of backups, set as literals where the module is called.
     */
    static List<String> prodDataStores(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            folder.blocks("module").forEach((name, call) -> {
                String source = call.path("source").asText("");
                String where = folder.name() + ": module " + name;
                if (source.startsWith("terraform-aws-modules/rds/aws")) {
                    if (!call.path("manage_master_user_password").asBoolean(false)) {
                        findings.add(where + " must set manage_master_user_password = true");
                    }
                    if (call.has("password")) {
                        findings.add(where + " must not set a master password");
                    }
                    if (!call.path("engine_version").asText("").matches("^17(\\..*)?$")) {
                        findings.add(where + " must run PostgreSQL 17");
                    }
                    if (!call.path("storage_encrypted").asBoolean(false)) {
                        findings.add(where + " must set storage_encrypted = true");
                    }
                    passedThrough(call, where, findings, "multi_az", "deletion_protection", "skip_final_snapshot", "backup_retention_period");
                }
                if (source.startsWith("terraform-aws-modules/elasticache/aws")) {
                    for (String flag : List.of("transit_encryption_enabled", "at_rest_encryption_enabled", "automatic_failover_enabled", "multi_az_enabled")) {
                        if (!call.path(flag).asBoolean(false)) {
                            findings.add(where + " must set " + flag + " = true");
                        }
                    }
                    if (!Expressions.isExpression(call.path("auth_token"))) {
                        findings.add(where + " must take auth_token from Secrets Manager (an expression, not a literal)");
                    }
                }
                if (folder.name().equals("envs/prod") && source.endsWith("modules/data")) {
                    expectLiteral(call, "multi_az", true, where, findings);
                    expectLiteral(call, "deletion_protection", true, where, findings);
                    expectLiteral(call, "skip_final_snapshot", false, where, findings);
                    JsonNode backups = call.path("backup_retention_days");
                    if (!backups.isNumber() || backups.asInt() < 7) {
                        findings.add(where + " must keep backup_retention_days >= 7 (a literal), has " + backups);
                    }
                }
            });
        }
        return findings;
    }

    /** Safety flags of the RDS call are chosen by the caller (var.x), never hard-wired off in the module. */
    private static void passedThrough(JsonNode call, String where, List<String> findings, String... flags) {
        for (String flag : flags) {
            if (!Expressions.isExpression(call.path(flag))) {
                findings.add(where + " must take " + flag + " from a variable so each environment sets it");
            }
        }
    }

    private static void expectLiteral(JsonNode call, String flag, boolean expected, String where, List<String> findings) {
        JsonNode value = call.path(flag);
        if (!value.isBoolean() || value.asBoolean() != expected) {
            findings.add(where + " must set " + flag + " = " + expected + " (a literal), has " + value);
        }
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
        return distinct(findings);
    }

    static boolean isLocal(String source) {
        return source.startsWith("./") || source.startsWith("../");
    }

    /** registry sources: namespace/name/provider, optionally //submodule, optionally with a host. */
    static boolean isRegistry(String source) {
        return source.matches("^([a-z0-9.-]+\\.[a-z]+/)?[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[a-z0-9]+(//.+)?$");
    }

    static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static List<String> distinct(List<String> findings) {
        return List.copyOf(new LinkedHashSet<>(findings));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
