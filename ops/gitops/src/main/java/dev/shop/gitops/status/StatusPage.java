package dev.shop.gitops.status;

import dev.shop.gitops.git.DeploymentHistory.Deployment;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.status.StatusReport.Cell;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The env matrix as one self-contained HTML page: inline CSS, no JavaScript, readable without a server. */
public final class StatusPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private StatusPage() {
    }

    public static String render(StatusReport report) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>shop: what runs where</title>
                <style>
                  body { font: 15px/1.4 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
                  table { border-collapse: collapse; margin-bottom: 1.5rem; }
                  th, td { border: 1px solid #d5d9e0; padding: .5rem .8rem; text-align: left; vertical-align: top; }
                  th { background: #f0f2f5; }
                  .version { font-weight: 600; font-size: 1.05rem; }
                  .meta { font: 12px ui-monospace, monospace; color: #5a6270; }
                  .none { color: #a0a6b0; }
                  .drift { background: #fff8e1; }
                  .held { display: inline-block; margin-top: .3rem; padding: 0 .4rem; border-radius: .2rem; background: #b3261e; color: #fff; font-size: 12px; }
                  .envs { display: flex; flex-wrap: wrap; gap: 1.5rem; }
                </style>
                </head>
                <body>
                <h1>What runs where</h1>
                <table id="matrix">
                <thead><tr><th>service</th>""");
        report.envs().forEach(env -> page.append("<th>").append(escape(env)).append("</th>"));
        page.append("</tr></thead>\n<tbody>\n");
        for (String service : report.services()) {
            long digests = report.envs().stream().map(env -> report.cell(service, env))
                    .map(cell -> cell.image() == null ? null : cell.image().digest()).distinct().count();
            page.append("<tr><th>").append(escape(service)).append("</th>");
            for (String env : report.envs()) {
                page.append(cell(report.cell(service, env), digests > 1));
            }
            page.append("</tr>\n");
        }
        page.append("<tr><th>shared manifests</th>");
        for (String env : report.envs()) {
            String origin = report.summaries().get(env).sharedOrigin();
            page.append("<td><div class=\"meta\">base from ").append(escape(shortSha(origin))).append("</div></td>");
        }
        page.append("</tr>\n</tbody>\n</table>\n<p class=\"meta\">Highlighted rows differ between environments.</p>\n");
        page.append("<h2>Recent deployments</h2>\n<div class=\"envs\">\n");
        for (String env : report.envs()) {
            page.append("<section><h3>").append(escape(env)).append("</h3>\n");
            var recent = report.summaries().get(env).recent();
            if (recent.isEmpty()) {
                page.append("<p class=\"none\">no deployment history in this checkout</p>\n");
            } else {
                page.append("<table class=\"history\" data-env=\"").append(escape(env))
                        .append("\"><thead><tr><th>when</th><th>service</th><th>version</th><th>commit</th></tr></thead><tbody>\n");
                for (Deployment deployment : recent) {
                    page.append("<tr><td class=\"meta\">").append(escape(when(deployment.when()))).append("</td><td>").append(escape(deployment.service()))
                            .append("</td><td>").append(escape(orDash(deployment.image().newTag()))).append("<div class=\"meta\">")
                            .append(escape(ImageEntry.shortDigest(deployment.image().digest()))).append("</div></td><td><span class=\"meta\">")
                            .append(escape(shortSha(deployment.commit()))).append("</span> ").append(escape(deployment.subject())).append("</td></tr>\n");
                }
                page.append("</tbody></table>\n");
            }
            page.append("</section>\n");
        }
        page.append("</div>\n</body>\n</html>\n");
        return page.toString();
    }

    private static String cell(Cell cell, boolean drift) {
        if (!cell.deployed()) {
            return "<td class=\"none\">not deployed</td>";
        }
        StringBuilder td = new StringBuilder(drift ? "<td class=\"drift\">" : "<td>");
        td.append("<div class=\"version\">").append(escape(orDash(cell.image().newTag()))).append("</div>")
                .append("<div class=\"meta\">").append(escape(ImageEntry.shortDigest(cell.image().digest()))).append("</div>")
                .append("<div class=\"meta\">built from ").append(escape(shortSha(cell.sourceCommit()))).append("</div>")
                .append("<div class=\"meta\">deployed ").append(escape(when(cell.deployedAt()))).append(" by ")
                .append(escape(shortSha(cell.deployedBy()))).append("</div>");
        if (cell.hold() != null) {
            td.append("<div class=\"held\" title=\"").append(escape(cell.hold().reason())).append("\">held since ")
                    .append(escape(cell.hold().since())).append("</div>");
        }
        return td.append("</td>").toString();
    }

    static String when(OffsetDateTime time) {
        return time == null ? "-" : time.withOffsetSameInstant(ZoneOffset.UTC).format(WHEN);
    }

    static String shortSha(String sha) {
        return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }

    static String orDash(String text) {
        return text == null ? "-" : text;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
