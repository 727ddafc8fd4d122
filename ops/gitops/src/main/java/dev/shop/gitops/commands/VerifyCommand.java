package dev.shop.gitops.commands;

import dev.shop.cli.ExitCodes;
import dev.shop.cli.Verb;
import dev.shop.gitops.argocd.ArgoCdChecks;
import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.layout.GitopsLayout;
import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.verify.Verifier;
import dev.shop.gitops.verify.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {
            "Render envs with kustomize and check every object strictly.",
            "Strict schema: an unknown or misspelled field fails. Policies: probes on",
            "real ports, requests and limits, non-root, read-only root fs, no privilege",
            "escalation, no host namespaces, no mutable tags, digests in staging and",
            "prod, selectors, Services target pods, PDBs, NetworkPolicies.",
            "Without --env, also checks what Argo CD applies in each cluster (ops/argocd):",
            "sync waves and health, chart contracts, secret stores, public paths, and",
            "what the cluster must provide (infra-terraform).",
            "Prints one line per violation: env, object, [rule], message, fix hint."})
public final class VerifyCommand extends Verb {

    @Mixin
    LayoutOptions layoutOptions;

    @Option(names = "--env", paramLabel = "ENV", description = "Env to verify (repeatable). Default: every env.")
    List<String> envs;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Override
    public Integer call() {
        GitopsLayout layout = layoutOptions.layout();
        List<String> selected = envs == null || envs.isEmpty() ? layout.envs() : envs;
        selected.forEach(layout::envKustomization);
        Kustomize kustomize = Kustomize.locate();
        List<Violation> violations = new ArrayList<>(new Verifier(layout, kustomize).verify(selected));
        Path repo = layout.root().getParent();
        if ((envs == null || envs.isEmpty()) && ArgoCdChecks.applies(repo)) {
            violations.addAll(ArgoCdChecks.run(repo, kustomize));
        }
        PrintWriter out = out();
        if (output == OutputFormat.json) {
            ObjectNode report = Manifests.YAML.createObjectNode();
            report.putArray("envs").addAll(selected.stream().map(e -> report.stringNode(e)).toList());
            ArrayNode list = report.putArray("violations");
            for (Violation v : violations) {
                list.addObject().put("env", v.where()).put("object", v.object()).put("rule", v.rule())
                        .put("message", v.message()).put("hint", v.hint());
            }
            report.put("ok", violations.isEmpty());
            out.println(report.toPrettyString());
        } else {
            violations.forEach(v -> out.println(v.line()));
            out.println(violations.isEmpty()
                    ? "verify: " + selected.size() + " env(s) ok: " + String.join(", ", selected)
                    : "verify: " + violations.size() + " violation(s) in " + String.join(", ", selected));
        }
        return violations.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
