package dev.shop.repochecks.workflows;

import dev.shop.gitops.GitopsCli;
import dev.shop.pipeline.PipelineCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call of gitops, of the pipeline CLI, of the quality gate and of Maven in a workflow or composite
 * action uses verbs, options and modules that exist: checked against the CLIs' own picocli models and
 * the repository's poms, so a renamed flag or module fails here and not on GitHub. The Maven calls
 * inside the {@code ops/bin} scripts that workflows run are checked the same way.
 */
class WorkflowCallsTest {

    private static final CommandLine GITOPS = new CommandLine(new GitopsCli());
    private static final CommandLine PIPELINE = PipelineCli.commandLine();
    private static final Pattern SCRIPT = Pattern.compile("(?<![\\w/.-])ops/bin/[\\w-]+");
    private static List<CommandCall> calls;
    /** The ops/bin scripts the workflows run, and the Maven calls inside them. */
    private static Set<String> scripts;
    private static List<CommandCall> scriptMavenCalls;
    private static CallChecker checker;

    @BeforeAll
    static void load() throws IOException {
        calls = new ArrayList<>();
        scripts = new TreeSet<>();
        for (WorkflowFile file : WorkflowFile.all(Repository.root())) {
            for (WorkflowFile.Located located : file.allSteps()) {
                String run = located.step().path("run").asText("");
                calls.addAll(CommandCall.find(located.where(), run));
                Matcher script = SCRIPT.matcher(run);
                while (script.find()) {
                    scripts.add(script.group());
                }
            }
        }
        scriptMavenCalls = new ArrayList<>();
        for (String script : scripts) {
            Path path = Repository.root().resolve(script);
            if (Files.isRegularFile(path)) {
                CommandCall.findInScript(script, Files.readString(path)).stream()
                        .filter(call -> call.program().equals("./mvnw")).forEach(scriptMavenCalls::add);
            }
        }
        checker = new CallChecker(Repository.root());
    }

    @Test
    void everyCliCallUsesExistingVerbsAndFlags() {
        List<String> findings = new ArrayList<>();
        for (CommandCall call : calls) {
            switch (call.program()) {
                case "ops/bin/gitops" -> findings.addAll(CallChecker.checkCli(call, GITOPS));
                case "./mvnw" -> findings.addAll(checker.checkMaven(call));
                case "ops/bin/quality-gate" -> findings.addAll(checker.checkQualityGate(call));
                default -> findings.addAll(CallChecker.checkCli(call, PIPELINE));
            }
        }
        assertThat(findings).isEmpty();
        assertThat(calls).extracting(CommandCall::program).contains("ops/bin/gitops", "./mvnw",
                "java -jar ops/pipeline/target/pipeline.jar");
        assertThat(calls).filteredOn(call -> call.program().equals("ops/bin/gitops")).extracting(call -> call.args().get(0))
                .contains("version", "set-image", "verify", "promote");
    }

    @Test
    void everyScriptTheWorkflowsRunExistsAndItsMavenCallsAreValid() {
        assertThat(scripts).contains("ops/bin/gitops", "ops/bin/quality-gate");
        for (String script : scripts) {
            assertThat(Repository.root().resolve(script)).as(script).isRegularFile().isExecutable();
        }
        List<String> findings = new ArrayList<>();
        scriptMavenCalls.forEach(call -> findings.addAll(checker.checkMaven(call)));
        assertThat(findings).isEmpty();
        // the gate's Maven line is checked here, now that the workflow only names the script
        assertThat(scriptMavenCalls).filteredOn(call -> call.file().equals("ops/bin/quality-gate")).singleElement()
                .satisfies(call -> assertThat(call.args()).contains("test-compile",
                        "com.github.spotbugs:spotbugs-maven-plugin:4.9.8.1:check", "-Dspotbugs.effort=Max",
                        "-Dspotbugs.threshold=Medium"));
    }

    @Test
    void thePullRequestQualityJobRunsTheQualityGateOnTheAffectedModules() {
        assertThat(calls).filteredOn(call -> call.file().startsWith(".github/workflows/pull-request.yml job quality"))
                .singleElement().satisfies(call -> {
                    assertThat(call.program()).isEqualTo("ops/bin/quality-gate");
                    assertThat(call.args()).containsExactly(CommandCall.VARIABLE);
                });
    }

    @Test
    void aQualityGateCallOnAMissingModuleOrWithAMavenFlagIsAFinding() {
        assertThat(checker.checkQualityGate(CommandCall.find("fixture", "ops/bin/quality-gate app/catalog,app/payments").get(0)))
                .singleElement().asString().contains("app/payments is not a module");
        assertThat(checker.checkQualityGate(CommandCall.find("fixture", "ops/bin/quality-gate \"$MODULES\" -T 4").get(0)))
                .hasSize(2).allSatisfy(finding -> assertThat(finding).contains("-D properties only"));
        assertThat(checker.checkQualityGate(CommandCall.find("fixture",
                "ops/bin/quality-gate app/catalog,ops/gitops -Dspotbugs.failOnError=false").get(0))).isEmpty();
        assertThat(checker.checkQualityGate(CommandCall.find("fixture", "ops/bin/quality-gate").get(0))).isEmpty();
    }

    @Test
    void aScriptsPositionalArgumentsAreDroppedLikeAnArrayAndItsCommentsAreSkipped() {
        List<CommandCall> found = CommandCall.findInScript("fixture", """
                # usage: ./mvnw --not-a-call
                exec ./mvnw -B "${projects[@]}" compile \\
                  -Dx="$root/y" "$@"
                """);
        assertThat(found).singleElement().satisfies(call ->
                assertThat(call.args()).containsExactly("-B", "compile", "-Dx=/y" + CommandCall.VARIABLE));
    }

    @Test
    void aCliCallWithAnUnknownVerbOrFlagOrAMissingRequiredOptionIsAFinding() {
        CommandCall unknownVerb = CommandCall.find("fixture", "ops/bin/gitops deploy --env dev").get(0);
        CommandCall unknownFlag = CommandCall.find("fixture", "ops/bin/gitops set-image --env dev --service catalog --digest \"$D\" --force").get(0);
        CommandCall missingRequired = CommandCall.find("fixture", "x=$(ops/bin/gitops promote --from staging)").get(0);
        CommandCall fine = CommandCall.find("fixture", "ops/bin/gitops promote --from \"$A\" --to prod \"${args[@]}\" --pr-body \"$RUNNER_TEMP/b.md\" 2>log").get(0);
        assertThat(CallChecker.checkCli(unknownVerb, GITOPS)).singleElement().asString().contains("no verb 'deploy'");
        assertThat(CallChecker.checkCli(unknownFlag, GITOPS)).singleElement().asString().contains("no option --force");
        assertThat(CallChecker.checkCli(missingRequired, GITOPS)).singleElement().asString().contains("requires --to");
        assertThat(CallChecker.checkCli(fine, GITOPS)).isEmpty();
        assertThat(fine.args()).containsExactly("promote", "--from", CommandCall.VARIABLE, "--to", "prod", "--pr-body",
                "/b.md" + CommandCall.VARIABLE);
    }

    @Test
    void aMavenCallOnAMissingModuleOrWithAnUndeclaredPluginPrefixIsAFinding() {
        assertThat(checker.checkMaven(CommandCall.find("fixture", "./mvnw -B -pl app/payments -am verify").get(0)))
                .singleElement().asString().contains("app/payments is not a module");
        assertThat(checker.checkMaven(CommandCall.find("fixture", "./mvnw -B -pl app/catalog spotbugs:check").get(0)))
                .singleElement().asString().contains("declares no plugin with prefix 'spotbugs'");
        assertThat(checker.checkMaven(CommandCall.find("fixture", "./mvnw -B --fast verify").get(0)))
                .singleElement().asString().contains("--fast");
        assertThat(checker.checkMaven(CommandCall.find("fixture",
                "./mvnw -B -ntp -pl app/catalog -am package -Dquarkus.container-image.build=true").get(0))).isEmpty();
        assertThat(checker.modules()).contains("app/catalog", "app/orders", "app/storefront", "ops/gitops");
    }
}
