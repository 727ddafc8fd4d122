package dev.shop.gitops.commands;

import dev.shop.gitops.CliException;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.git.Ledger;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import dev.shop.gitops.layout.GitopsLayout;
import dev.shop.gitops.manifests.Manifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "Show what runs where: version, digest and source commit per service.",
            "The source commit is read from the Gitops-* trailers of write-back commits."})
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LayoutOptions layoutOptions;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page (inline CSS, no JavaScript).")
    Path html;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    /** One cell of the table. */
    record Cell(String version, String digest, String sourceCommit) {
    }

    @Override
    public Integer call() throws IOException {
        GitopsLayout layout = layoutOptions.layout();
        List<String> envs = layout.envs();
        List<String> services = layout.services();
        Path top = Git.topLevel(layout.root());
        Ledger ledger = top == null ? Ledger.read(null, "")
                : Ledger.read(new Git(top), LayoutOptions.repoPath(top, layout.root().resolve("envs")));
        Map<String, Map<String, Cell>> table = new LinkedHashMap<>();
        for (String service : services) {
            table.put(service, new LinkedHashMap<>());
        }
        for (String env : envs) {
            Path file = layout.envKustomization(env);
            Map<String, ImageEntry> images = KustomizationImages.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()).entries();
            for (String service : services) {
                ImageEntry entry = images.get(service);
                String source = entry == null ? null : ledger.sourceCommit(entry.digest());
                table.get(service).put(env, entry == null ? new Cell(null, null, null)
                        : new Cell(entry.newTag(), entry.digest(), source));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.json) {
            out.println(json(envs, table));
        } else {
            out.print(text(envs, table));
        }
        if (html != null) {
            Path parent = html.toAbsolutePath().getParent();
            if (parent == null) {
                throw CliException.usage("--html " + html + " is a root folder, not a file to write");
            }
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".status", ".html");
            Files.writeString(temp, html(envs, table), StandardCharsets.UTF_8);
            Files.move(temp, html, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }

    private static String text(List<String> envs, Map<String, Map<String, Cell>> table) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("SERVICE"));
        envs.forEach(e -> header.add(e.toUpperCase(java.util.Locale.ROOT)));
        rows.add(header.toArray(String[]::new));
        table.forEach((service, cells) -> {
            List<String> row = new ArrayList<>(List.of(service));
            for (String env : envs) {
                Cell cell = cells.get(env);
                row.add(cell.version() == null && cell.digest() == null ? "-"
                        : orDash(cell.version()) + " " + ImageEntry.shortDigest(cell.digest()) + " @" + shortSha(cell.sourceCommit()));
            }
            rows.add(row.toArray(String[]::new));
        });
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

    private static String json(List<String> envs, Map<String, Map<String, Cell>> table) {
        ObjectNode root = Manifests.YAML.createObjectNode();
        ArrayNode rows = root.putArray("services");
        table.forEach((service, cells) -> {
            ObjectNode row = rows.addObject().put("service", service);
            ObjectNode byEnv = row.putObject("envs");
            for (String env : envs) {
                Cell cell = cells.get(env);
                byEnv.putObject(env).put("version", cell.version()).put("digest", cell.digest()).put("sourceCommit", cell.sourceCommit());
            }
        });
        return root.toPrettyString();
    }

    private static String html(List<String> envs, Map<String, Map<String, Cell>> table) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>shop: what runs where</title>
                <style>
                  body { font: 15px/1.4 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
                  table { border-collapse: collapse; }
                  th, td { border: 1px solid #d5d9e0; padding: .5rem .8rem; text-align: left; vertical-align: top; }
                  th { background: #f0f2f5; }
                  .version { font-weight: 600; font-size: 1.05rem; }
                  .meta { font: 12px ui-monospace, monospace; color: #5a6270; }
                  .none { color: #a0a6b0; }
                  .drift { background: #fff8e1; }
                </style>
                </head>
                <body>
                <h1>What runs where</h1>
                <table>
                <thead><tr><th>service</th>""");
        envs.forEach(env -> page.append("<th>").append(escape(env)).append("</th>"));
        page.append("</tr></thead>\n<tbody>\n");
        table.forEach((service, cells) -> {
            long versions = cells.values().stream().map(Cell::digest).distinct().count();
            page.append("<tr><th>").append(escape(service)).append("</th>");
            for (String env : envs) {
                Cell cell = cells.get(env);
                if (cell.digest() == null && cell.version() == null) {
                    page.append("<td class=\"none\">not deployed</td>");
                    continue;
                }
                page.append(versions > 1 ? "<td class=\"drift\">" : "<td>")
                        .append("<div class=\"version\">").append(escape(orDash(cell.version()))).append("</div>")
                        .append("<div class=\"meta\">").append(escape(ImageEntry.shortDigest(cell.digest()))).append("</div>")
                        .append("<div class=\"meta\">source ").append(escape(shortSha(cell.sourceCommit()))).append("</div></td>");
            }
            page.append("</tr>\n");
        });
        page.append("</tbody>\n</table>\n<p class=\"meta\">Highlighted rows differ between environments.</p>\n</body>\n</html>\n");
        return page.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }

    private static String shortSha(String sha) {
        return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }
}
