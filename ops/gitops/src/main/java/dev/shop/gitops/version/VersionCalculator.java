package dev.shop.gitops.version;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.semver.SemVer;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes a SemVer for the current commit from its branch and the release tags, following
 * GitVersion's GitFlow workflow. N counts the commits since the latest release tag, which only
 * grows along a branch, so every commit of a branch gets its own version.
 */
public final class VersionCalculator {

    private static final Pattern RELEASE_BRANCH = Pattern.compile("release[/-](\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final Pattern HOTFIX_BRANCH = Pattern.compile("hotfix[/-](\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern PULL_REQUEST = Pattern.compile("(?:refs/)?(?:pull|pr)/(\\d+)(?:/(?:merge|head))?|(\\d+)/merge");
    private static final Pattern MERGED_BRANCH = Pattern.compile("(?:release|hotfix)[/-](\\d+\\.\\d+(?:\\.\\d+)?)");

    /** What a branch name means for versioning. */
    public record Branch(String name, Kind kind, String pullRequest) {
        public enum Kind { MAIN, DEVELOP, RELEASE, HOTFIX, FEATURE, PULL_REQUEST }
    }

    private static final boolean REACHABLE_TAGS = true;
    private static final boolean ALL_TAGS = false;

    private final Git git;

    public VersionCalculator(Git git) {
        this.git = git;
    }

    /**
     * The branch to version: --branch, else the GitHub Actions variables (a pull request sets
     * GITHUB_HEAD_REF), else the checked-out branch. CI checkouts are detached, hence the order.
     */
    public Branch branch(String option, Map<String, String> env) {
        String headRef = env.getOrDefault("GITHUB_HEAD_REF", "");
        String refName = env.getOrDefault("GITHUB_REF_NAME", "");
        if (option != null && !option.isBlank()) {
            return classify(option.strip());
        }
        if (!headRef.isBlank()) {
            Matcher pr = PULL_REQUEST.matcher(refName);
            return new Branch(headRef, Branch.Kind.PULL_REQUEST, pr.matches() ? number(pr) : null);
        }
        if (!refName.isBlank()) {
            return classify(refName);
        }
        ProcessRunner.Result symbolic = git.exec("symbolic-ref", "--short", "-q", "HEAD");
        if (symbolic.ok() && !symbolic.stdout().isBlank()) {
            return classify(symbolic.stdout().strip());
        }
        throw CliException.usage("cannot tell the branch of a detached HEAD: pass --branch NAME (or set GITHUB_REF_NAME)");
    }

    public static Branch classify(String raw) {
        String name = raw.replaceFirst("^refs/heads/", "").replaceFirst("^origin/", "");
        Matcher pr = PULL_REQUEST.matcher(name);
        if (pr.matches()) {
            return new Branch(name, Branch.Kind.PULL_REQUEST, number(pr));
        }
        if (name.equals("main") || name.equals("master")) {
            return new Branch(name, Branch.Kind.MAIN, null);
        }
        if (name.equals("develop") || name.equals("dev")) {
            return new Branch(name, Branch.Kind.DEVELOP, null);
        }
        if (RELEASE_BRANCH.matcher(name).matches()) {
            return new Branch(name, Branch.Kind.RELEASE, null);
        }
        if (HOTFIX_BRANCH.matcher(name).matches()) {
            return new Branch(name, Branch.Kind.HOTFIX, null);
        }
        return new Branch(name, Branch.Kind.FEATURE, null);
    }

    private static String number(Matcher pr) {
        return pr.group(1) != null ? pr.group(1) : pr.group(2);
    }

    public SemVer version(Branch branch) {
        if (git.resolve("HEAD") == null) {
            throw CliException.environment("no commit at HEAD in " + git.dir());
        }
        Optional<SemVer> tagged = releaseTags("--points-at", "HEAD").stream().max(Comparator.naturalOrder());
        if (tagged.isPresent()) {
            return tagged.get();
        }
        return switch (branch.kind()) {
            case MAIN -> mainVersion();
            case DEVELOP -> nextMinor().withPreRelease("alpha", String.valueOf(commitsSinceRelease(ALL_TAGS)));
            case RELEASE -> {
                Matcher m = RELEASE_BRANCH.matcher(branch.name());
                m.matches();
                SemVer base = SemVer.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                yield base.withPreRelease("rc", String.valueOf(commitsSinceRelease(REACHABLE_TAGS)));
            }
            case HOTFIX -> {
                Matcher m = HOTFIX_BRANCH.matcher(branch.name());
                m.matches();
                SemVer base = SemVer.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                yield base.withPreRelease("rc", String.valueOf(commitsSinceRelease(REACHABLE_TAGS)));
            }
            case FEATURE -> nextMinor().withPreRelease(label(branch.name()), String.valueOf(commitsSinceRelease(ALL_TAGS)));
            case PULL_REQUEST -> branch.pullRequest() == null
                    ? nextMinor().withPreRelease("pr", String.valueOf(commitsSinceRelease(ALL_TAGS)))
                    : nextMinor().withPreRelease("pr", branch.pullRequest(), String.valueOf(commitsSinceRelease(ALL_TAGS)));
        };
    }

    /** main: the version of the release or hotfix branch just merged, else a patch after the latest tag. */
    private SemVer mainVersion() {
        SemVer latest = latestRelease(REACHABLE_TAGS).orElse(SemVer.of(0, 0, 0));
        String subject = git.run("log", "-1", "--format=%s%n%b", "HEAD");
        Matcher merged = MERGED_BRANCH.matcher(subject);
        if (merged.find()) {
            SemVer fromBranch = SemVer.parse(merged.group(1).chars().filter(c -> c == '.').count() == 1
                    ? merged.group(1) + ".0" : merged.group(1)).orElseThrow();
            if (fromBranch.compareTo(latest) > 0) {
                return fromBranch;
            }
        }
        return latest.nextPatch();
    }

    /** develop and topic branches are ahead of every release made so far and of releases in flight. */
    private SemVer nextMinor() {
        SemVer base = latestRelease(ALL_TAGS).orElse(SemVer.of(0, 0, 0));
        for (String ref : git.run("for-each-ref", "--format=%(refname:short)", "refs/heads/release", "refs/remotes").lines().toList()) {
            Matcher m = RELEASE_BRANCH.matcher(ref.replaceFirst("^[^/]+/(?=release)", ""));
            if (m.matches()) {
                SemVer inFlight = SemVer.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0);
                if (inFlight.compareTo(base) > 0) {
                    base = inFlight;
                }
            }
        }
        return base.nextMinor();
    }

    private int commitsSinceRelease(boolean reachableOnly) {
        Optional<String> tag = latestReleaseTag(reachableOnly);
        String range = tag.map(t -> "refs/tags/" + t + "..HEAD").orElse("HEAD");
        return Integer.parseInt(git.run("rev-list", "--count", range).strip());
    }

    private Optional<SemVer> latestRelease(boolean reachableOnly) {
        return latestReleaseTag(reachableOnly).flatMap(SemVer::parse);
    }

    /** The highest final-release tag (vX.Y.Z or X.Y.Z): reachable from HEAD, or anywhere in the repository. */
    private Optional<String> latestReleaseTag(boolean reachableOnly) {
        List<String> tags = reachableOnly ? git.run("tag", "--merged", "HEAD").lines().toList() : git.run("tag", "--list").lines().toList();
        return tags.stream()
                .filter(t -> SemVer.parse(t).filter(v -> !v.isPreRelease() && v.build() == null).isPresent())
                .max(Comparator.comparing(t -> SemVer.parse(t).orElseThrow()));
    }

    private List<SemVer> releaseTags(String... selector) {
        String[] args = new String[selector.length + 1];
        args[0] = "tag";
        System.arraycopy(selector, 0, args, 1, selector.length);
        return git.run(args).lines().map(SemVer::parse).flatMap(Optional::stream).filter(v -> v.build() == null).toList();
    }

    /** A branch name as a SemVer pre-release identifier and image-tag part: feature/Add_Cart -> add-cart. */
    static String label(String branch) {
        String last = branch.substring(branch.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String cleaned = last.replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (cleaned.length() > 40) {
            cleaned = cleaned.substring(0, 40).replaceAll("-$", "");
        }
        if (cleaned.isEmpty() || cleaned.chars().allMatch(Character::isDigit)) {
            cleaned = "branch-" + cleaned;
        }
        return cleaned;
    }
}
