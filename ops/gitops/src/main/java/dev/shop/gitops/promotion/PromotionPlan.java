package dev.shop.gitops.promotion;

import dev.shop.cli.CliException;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.CommitWriter.FileChange;
import dev.shop.gitops.images.Holds;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import dev.shop.gitops.semver.SemVer;
import dev.shop.gitops.shared.SharedManifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What promoting env A to env B changes on one tip: the images B takes from A, and B's copy of
 * the shared manifests replaced by A's. Pure planning: nothing is written here.
 */
public record PromotionPlan(String from, String to, String tip, String targetPath, String targetText, String promotedText,
                            List<Move> moves, List<FileChange> sharedChanges) {

    /** Where the two envs are inside the repository. */
    public record Envs(String from, String to, String fromFile, String toFile, String fromFolder, String toFolder) {
    }

    public boolean isEmpty() {
        return moves.isEmpty() && sharedChanges.isEmpty();
    }

    /** Every file the promotion commit writes or removes. */
    public List<FileChange> files() {
        List<FileChange> files = new ArrayList<>(sharedChanges);
        if (!promotedText.equals(targetText)) {
            files.add(new FileChange(targetPath, promotedText));
        }
        return files;
    }

    /** Plans on tip; refuses (exit 1) an image A does not run, a held service of B, and a downgrade unless allowed. */
    public static PromotionPlan make(CommitWriter repo, String tip, Envs envs, List<String> services, boolean allowDowngrade) {
        KustomizationImages source = KustomizationImages.parse(read(repo, tip, envs.fromFile()), envs.fromFile());
        String targetText = read(repo, tip, envs.toFile());
        KustomizationImages target = KustomizationImages.parse(targetText, envs.toFile());
        String holdsPath = envs.toFolder() + "/" + Holds.FILE_NAME;
        Holds holds = Holds.parse(repo.read(tip, holdsPath), holdsPath);
        List<Move> moves = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (String service : services) {
            Optional<ImageEntry> next = source.entry(service);
            if (next.isEmpty() || next.get().digest() == null) {
                refusals.add(envs.from() + " does not run " + service + " (no images: entry with a digest)");
                continue;
            }
            ImageEntry old = target.entry(service).orElse(new ImageEntry(service, null, null, null));
            ImageEntry copied = new ImageEntry(service, next.get().newName(), next.get().newTag(), next.get().digest());
            if (old.overlay(copied).equals(old)) {
                continue;
            }
            Optional<Holds.Hold> hold = holds.of(service);
            if (hold.isPresent()) {
                refusals.add(Holds.refusal(envs.to(), hold.get()) + ", or promote the other services with --service");
                continue;
            }
            Optional<SemVer> newVersion = SemVer.parse(copied.newTag());
            Optional<SemVer> oldVersion = SemVer.parse(old.newTag());
            if (!allowDowngrade && newVersion.isPresent() && oldVersion.isPresent() && newVersion.get().compareTo(oldVersion.get()) < 0) {
                refusals.add("downgrade of " + service + " in " + envs.to() + " from " + old.newTag() + " to " + copied.newTag()
                        + " refused (pass --allow-downgrade to roll back on purpose)");
                continue;
            }
            moves.add(new Move(service, old, old.overlay(copied)));
        }
        if (!refusals.isEmpty()) {
            throw CliException.findings(String.join("; ", refusals));
        }
        String promoted = targetText;
        for (Move move : moves) {
            promoted = KustomizationImages.parse(promoted, envs.toFile()).withImage(move.next());
        }
        return new PromotionPlan(envs.from(), envs.to(), tip, envs.toFile(), targetText, promoted, moves,
                sharedChanges(repo, tip, envs));
    }

    private static List<FileChange> sharedChanges(CommitWriter repo, String tip, Envs envs) {
        Map<String, String> sourceCopy = SharedManifests.ofEnv(repo, tip, envs.fromFolder());
        if (sourceCopy.isEmpty()) {
            throw CliException.usage(envs.from() + " has no copy of the shared manifests (" + envs.fromFolder() + "/"
                    + SharedManifests.FOLDER + "/): see docs/golden-path.md");
        }
        return SharedManifests.replace(repo, tip, envs.toFolder(), sourceCopy);
    }

    private static String read(CommitWriter repo, String tip, String path) {
        String text = repo.read(tip, path);
        if (text == null) {
            throw CliException.usage(path + " does not exist at " + tip.substring(0, 12));
        }
        return text;
    }
}
