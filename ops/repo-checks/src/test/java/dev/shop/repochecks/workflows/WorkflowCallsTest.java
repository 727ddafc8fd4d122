package dev.shop.repochecks.workflows;

import dev.shop.gitops.GitopsCli;
import dev.shop.pipeline.PipelineCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call of gitops, of the pipeline CLI and of Maven in a workflow or composite action uses
 * verbs, options and modules that exist: checked against the CLIs' own picocli models and the
 * repository's poms, so a renamed flag or module fails here and not on GitHub.
 */
class WorkflowCallsTest {

    private static final CommandLine GITOPS = new CommandLine(new GitopsCli());
    private static final CommandLine PIPELINE = PipelineCli.commandLine();
    private static List<CommandCall> calls;
    private static CallChecker checker;

    @BeforeAll
    static void load() {
        calls = new ArrayList<>();
        for (WorkflowFile file : WorkflowFile.all(Repository.root())) {
            for (WorkflowFile.Located located : file.allSteps()) {
                calls.addAll(CommandCall.find(located.where(), located.step().path("run").asText("")));
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
                default -> findings.addAll(CallChecker.checkCli(call, PIPELINE));
            }
        }
        assertThat(findings).isEmpty();
        assertThat(calls).extracting(CommandCall::program).contains("ops/bin/gitops", "./mvnw",
                "java -jar ops/rehearsal/target/pipeline.jar");
        assertThat(calls).filteredOn(call -> call.program().equals("ops/bin/gitops")).extracting(call -> call.args().get(0))
                .contains("version", "set-image", "verify", "promote");
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
