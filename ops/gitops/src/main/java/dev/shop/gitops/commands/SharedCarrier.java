package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.shared.SharedManifests;

import java.util.List;
import java.util.Map;

/** Carries the shared manifests of one build's commit into one env's copy, on whatever tip a writer is at. */
final class SharedCarrier {

    private final WriteTarget target;
    private final Git source;
    private final String sourceCommit;
    private final String envFolder;
    private final Map<String, String> files;

    private SharedCarrier(WriteTarget target, Git source, String sourceCommit, String envFolder, Map<String, String> files) {
        this.target = target;
        this.source = source;
        this.sourceCommit = sourceCommit;
        this.envFolder = envFolder;
        this.files = files;
    }

    /** Reads gitops-envs/base and components of the build's commit once; a usage error when the commit is not there. */
    static SharedCarrier fromBuild(WriteTarget target, Git source, String sourceCommit, String env) {
        String commit = source.resolve(sourceCommit);
        if (commit == null) {
            throw CliException.usage("source commit " + sourceCommit + " is not in " + source.dir()
                    + ": fetch it (or pass --source-repo), or pass --no-shared to set only the image");
        }
        Map<String, String> files = SharedManifests.atSourceCommit(source, commit, target.rootPath());
        if (files.keySet().stream().noneMatch(path -> path.startsWith("base/"))) {
            throw CliException.usage("source commit " + sourceCommit + " has no " + target.rootPath() + "/base in " + source.dir()
                    + ": pass --source-repo, or --no-shared to set only the image");
        }
        return new SharedCarrier(target, source, commit, target.envFolder(env), files);
    }

    /**
     * The changes that bring the env's copy to the build's commit, or none when the copy is already
     * that, or comes from a later commit of the same line (an older build finishing last must not
     * take a newer base away).
     */
    List<CommitWriter.FileChange> changesOn(String tip) {
        CommitWriter writer = target.writer();
        String carried = SharedManifests.originCommit(writer.read(tip, envFolder + "/" + SharedManifests.FOLDER + "/" + SharedManifests.ORIGIN_FILE));
        if (carried != null && !sourceCommit.startsWith(carried) && source.resolve(carried) != null && source.isAncestor(sourceCommit, carried)) {
            return List.of();
        }
        List<CommitWriter.FileChange> changes = SharedManifests.replace(writer, tip, envFolder, files);
        // Same manifests from another commit: the copy is already right, and a commit would say nothing.
        boolean onlyOrigin = changes.stream().allMatch(c -> c.path().endsWith("/" + SharedManifests.FOLDER + "/" + SharedManifests.ORIGIN_FILE));
        return onlyOrigin ? List.of() : changes;
    }
}
