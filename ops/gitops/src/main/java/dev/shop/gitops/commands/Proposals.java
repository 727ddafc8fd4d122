package dev.shop.gitops.commands;

import dev.shop.cli.CliFiles;
import dev.shop.gitops.git.CommitWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Function;

/** Lands a planned change as a new branch for a pull request, or with --direct on the branch itself. */
final class Proposals {

    private Proposals() {
    }

    /** The outcome and the branch it landed on. */
    record Landed(CommitWriter.Outcome outcome, String branch) {
    }

    /**
     * Commits the change onTip computes: on --branch when direct (rebuilt on each fetched tip, like
     * set-image), else on a new branch named prefix-time-hash; writes the branch file for the workflow.
     */
    static Landed land(WriteTarget target, WriteOptions write, ReviewOptions review, String prefix, String content,
                       Function<String, CommitWriter.Change> onTip) {
        String branch = review.direct ? write.branch : branchName(prefix, content);
        CommitWriter.Outcome outcome = target.writer().commit(write.branch, branch, onTip);
        if (review.pullRequest.branchFile != null) {
            CliFiles.writeAtomically(review.pullRequest.branchFile, review.direct || !outcome.changed() ? "" : branch + "\n");
        }
        return new Landed(outcome, branch);
    }

    /** prefix-20261126-143000-1a2b3c4: readable, and unique by time and content. */
    static String branchName(String prefix, String content) {
        String time = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + time + "-" + HexFormat.of().formatHex(hash).substring(0, 7);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
