package dev.shop.repochecks.workflows;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a call against reality: a CLI call against the CLI's own picocli model (the verb exists,
 * every option exists with a value where it takes one, every required option is there), a Maven
 * call against the repository (modules listed in the root pom, lifecycle phases, plugin goals that
 * a module declares or that name a full, pinned coordinate, only known command-line flags).
 */
final class CallChecker {

    private static final Set<String> PHASES = Set.of("clean", "validate", "compile", "test-compile", "test",
            "package", "verify", "install");
    /** Maven flags our workflows may use; the ones that take a value are listed in FLAGS_WITH_VALUE. */
    private static final Set<String> FLAGS = Set.of("-B", "--batch-mode", "-ntp", "--no-transfer-progress", "-q", "--quiet",
            "-e", "--errors", "-am", "--also-make", "-amd", "--also-make-dependents", "-U", "-o", "--offline", "-fae");
    private static final Set<String> FLAGS_WITH_VALUE = Set.of("-pl", "--projects", "-P", "--activate-profiles", "-T", "--threads");
    private static final Pattern FULL_GOAL = Pattern.compile("([\\w.-]+):([\\w.-]+):(\\d[\\w.-]*):([\\w-]+)");
    private static final Pattern PREFIX_GOAL = Pattern.compile("([\\w-]+):([\\w-]+)");

    private final Path repoRoot;
    private final Set<String> modules;

    CallChecker(Path repoRoot) {
        this.repoRoot = repoRoot;
        this.modules = new HashSet<>(rootModules(repoRoot));
    }

    /** Findings for a call of a picocli CLI: its first argument is the verb. */
    static List<String> checkCli(CommandCall call, CommandLine cli) {
        List<String> findings = new ArrayList<>();
        List<String> args = call.args();
        if (args.isEmpty()) {
            return List.of(call + ": no verb");
        }
        CommandLine verb = cli.getSubcommands().get(args.get(0));
        if (verb == null) {
            return List.of(call + ": no verb '" + args.get(0) + "' (has " + cli.getSubcommands().keySet() + ")");
        }
        CommandSpec spec = verb.getCommandSpec();
        Set<OptionSpec> given = new HashSet<>();
        int positionals = 0;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-") && !arg.equals("-")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                OptionSpec option = spec.findOption(name);
                if (option == null) {
                    findings.add(call + ": " + args.get(0) + " has no option " + name);
                    continue;
                }
                given.add(option);
                boolean takesValue = option.arity().min() > 0;
                if (takesValue && !arg.contains("=")) {
                    if (i + 1 >= args.size()) {
                        findings.add(call + ": " + name + " needs a value");
                    }
                    i++;
                }
            } else {
                positionals++;
            }
        }
        for (OptionSpec option : spec.options()) {
            if (option.required() && !given.contains(option)) {
                findings.add(call + ": " + args.get(0) + " requires " + option.longestName());
            }
        }
        int allowed = spec.positionalParameters().stream().mapToInt(p -> p.arity().max() == Integer.MAX_VALUE ? 1000 : p.arity().max()).sum();
        if (positionals > allowed) {
            findings.add(call + ": " + positionals + " positional argument(s), " + args.get(0) + " takes " + allowed);
        }
        return findings;
    }

    List<String> checkMaven(CommandCall call) {
        List<String> findings = new ArrayList<>();
        List<String> projects = new ArrayList<>();
        List<String> goals = new ArrayList<>();
        List<String> args = call.args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (FLAGS_WITH_VALUE.contains(arg)) {
                if (i + 1 >= args.size()) {
                    findings.add(call + ": " + arg + " needs a value");
                    break;
                }
                String value = args.get(++i);
                if (arg.equals("-pl") || arg.equals("--projects")) {
                    if (value.equals(CommandCall.VARIABLE)) {
                        // computed by `pipeline affected`, which only names modules of the root pom
                        projects.add(value);
                    } else {
                        for (String module : value.split(",")) {
                            projects.add(module);
                            if (!modules.contains(module)) {
                                findings.add(call + ": -pl " + module + " is not a module of the root pom");
                            }
                        }
                    }
                }
            } else if (arg.startsWith("-D")) {
                if (!arg.matches("-D[\\w.-]+=.*") && !arg.matches("-D[\\w.-]+")) {
                    findings.add(call + ": malformed property " + arg);
                }
            } else if (arg.startsWith("-")) {
                if (!FLAGS.contains(arg)) {
                    findings.add(call + ": unknown or unexpected Maven flag " + arg);
                }
            } else {
                goals.add(arg);
            }
        }
        if (goals.isEmpty()) {
            findings.add(call + ": no phase or goal");
        }
        for (String goal : goals) {
            if (PHASES.contains(goal) || FULL_GOAL.matcher(goal).matches()) {
                continue;
            }
            Matcher prefix = PREFIX_GOAL.matcher(goal);
            if (!prefix.matches()) {
                findings.add(call + ": '" + goal + "' is neither a lifecycle phase nor a plugin goal");
                continue;
            }
            for (String module : projects) {
                if (!module.equals(CommandCall.VARIABLE) && modules.contains(module) && !declaresPlugin(module, prefix.group(1))) {
                    findings.add(call + ": module " + module + " declares no plugin with prefix '" + prefix.group(1) + "'");
                }
            }
            if (projects.isEmpty() || projects.contains(CommandCall.VARIABLE)) {
                findings.add(call + ": goal " + goal + " by prefix needs -pl naming the modules that declare its plugin"
                        + " (or use groupId:artifactId:version:goal)");
            }
        }
        boolean buildsImages = args.stream().anyMatch(arg -> arg.startsWith("-Dquarkus.container-image.build=true"));
        for (String module : projects) {
            if (buildsImages && !module.equals(CommandCall.VARIABLE) && !pom(module).contains("quarkus-container-image-jib")) {
                findings.add(call + ": builds an image but " + module + " has no quarkus-container-image-jib");
            }
        }
        return findings;
    }

    /**
     * Findings for a call of {@code ops/bin/quality-gate [module,module...] [-Dproperty=value...]}: the
     * modules exist in the root pom and the rest are Maven properties, which is all the script accepts.
     */
    List<String> checkQualityGate(CommandCall call) {
        List<String> findings = new ArrayList<>();
        List<String> args = call.args();
        int firstProperty = 0;
        if (!args.isEmpty() && !args.get(0).startsWith("-")) {
            firstProperty = 1;
            if (!args.get(0).equals(CommandCall.VARIABLE)) {
                for (String module : args.get(0).split(",")) {
                    if (!modules.contains(module)) {
                        findings.add(call + ": " + module + " is not a module of the root pom");
                    }
                }
            }
        }
        for (String arg : args.subList(firstProperty, args.size())) {
            if (!arg.matches("-D[\\w.-]+(=.*)?")) {
                findings.add(call + ": takes modules and -D properties only, not " + arg);
            }
        }
        return findings;
    }

    Set<String> modules() {
        return modules;
    }

    private boolean declaresPlugin(String module, String prefix) {
        String pom = pom(module);
        return pom.contains("<artifactId>" + prefix + "-maven-plugin</artifactId>")
                || pom.contains("<artifactId>maven-" + prefix + "-plugin</artifactId>");
    }

    private String pom(String module) {
        try {
            return Files.readString(repoRoot.resolve(module).resolve("pom.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> rootModules(Path repoRoot) {
        try {
            String pom = Files.readString(repoRoot.resolve("pom.xml"));
            List<String> result = new ArrayList<>();
            Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
            while (module.find()) {
                String path = module.group(1).strip();
                if (Files.isRegularFile(repoRoot.resolve(path).resolve("pom.xml"))) {
                    result.add(path);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
