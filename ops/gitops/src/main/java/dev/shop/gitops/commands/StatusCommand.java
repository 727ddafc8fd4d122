package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.cli.CliFiles;
import dev.shop.cli.Verb;
import dev.shop.gitops.git.DeploymentHistory;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.status.StatusPage;
import dev.shop.gitops.status.StatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "Show what runs where: version, digest and source commit per service.",
            "The source commit is read from the Gitops-* trailers of write-back commits;",
            "when and by which commit an image was deployed, and each env's recent",
            "deployments, from the git history of envs/ENV/kustomization.yaml.",
            "HELD marks a service gitops hold or rollback holds."})
public final class StatusCommand extends Verb {

    @Mixin
    LayoutOptions layoutOptions;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the env matrix and recent deployments as a self-contained HTML page (inline CSS, no JavaScript).")
    Path html;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Option(names = "--recent", paramLabel = "N", defaultValue = "5",
            description = "Deployments per env listed in --html and --output json. Default: ${DEFAULT-VALUE}.")
    int recent;

    @Override
    public Integer call() {
        if (recent < 0) {
            throw CliException.usage("--recent must not be negative");
        }
        StatusReport report = StatusReport.of(layoutOptions.layout(), recent);
        PrintWriter out = out();
        if (output == OutputFormat.json) {
            out.println(json(report));
        } else {
            out.print(text(report));
        }
        if (html != null) {
            CliFiles.writeAtomically(html, StatusPage.render(report));
        }
        return 0;
    }

    private static String text(StatusReport report) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("SERVICE"));
        report.envs().forEach(e -> header.add(e.toUpperCase(java.util.Locale.ROOT)));
        rows.add(header.toArray(String[]::new));
        for (String service : report.services()) {
            List<String> row = new ArrayList<>(List.of(service));
            for (String env : report.envs()) {
                StatusReport.Cell cell = report.cell(service, env);
                row.add(!cell.deployed() ? "-"
                        : orDash(cell.image().newTag()) + " " + ImageEntry.shortDigest(cell.image().digest()) + " @" + shortSha(cell.sourceCommit())
                        + (cell.hold() == null ? "" : " HELD"));
            }
            rows.add(row.toArray(String[]::new));
        }
        int[] widths = new int[header.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                text.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String json(StatusReport report) {
        ObjectNode root = Manifests.YAML.createObjectNode();
        ArrayNode rows = root.putArray("services");
        for (String service : report.services()) {
            ObjectNode byEnv = rows.addObject().put("service", service).putObject("envs");
            for (String env : report.envs()) {
                StatusReport.Cell cell = report.cell(service, env);
                ImageEntry image = cell.image();
                ObjectNode node = byEnv.putObject(env).put("version", image == null ? null : image.newTag())
                        .put("digest", image == null ? null : image.digest()).put("sourceCommit", cell.sourceCommit())
                        .put("deployedAt", cell.deployedAt() == null ? null : cell.deployedAt().toString())
                        .put("deployedBy", cell.deployedBy());
                if (cell.hold() != null) {
                    node.putObject("hold").put("version", cell.hold().version()).put("reason", cell.hold().reason()).put("since", cell.hold().since());
                }
            }
        }
        ObjectNode envs = root.putObject("envs");
        report.summaries().forEach((env, summary) -> {
            ObjectNode node = envs.putObject(env).put("sharedManifestsFrom", summary.sharedOrigin());
            ArrayNode recent = node.putArray("recentDeployments");
            for (DeploymentHistory.Deployment deployment : summary.recent()) {
                recent.addObject().put("service", deployment.service()).put("version", deployment.image().newTag())
                        .put("digest", deployment.image().digest()).put("commit", deployment.commit())
                        .put("when", deployment.when().toString()).put("subject", deployment.subject());
            }
        });
        return root.toPrettyString();
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }

    private static String shortSha(String sha) {
        return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }
}
