package dev.shop.supplychain.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The dependencies added, removed and changed in version between two SBOMs of one service. */
public record DependencyDiff(List<Dependency> added, List<Dependency> removed, List<Change> changed) {

    public record Dependency(String name, String version) {
    }

    /** One dependency present in both with another version. */
    public record Change(String name, String from, String to) {
    }

    public static DependencyDiff between(Sbom running, Sbom promoted) {
        List<Dependency> added = new ArrayList<>();
        List<Dependency> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Map.Entry<String, String> entry : promoted.versions().entrySet()) {
            String before = running.versions().get(entry.getKey());
            if (before == null) {
                added.add(new Dependency(entry.getKey(), entry.getValue()));
            } else if (!Objects.equals(before, entry.getValue())) {
                changed.add(new Change(entry.getKey(), before, entry.getValue()));
            }
        }
        running.versions().forEach((name, version) -> {
            if (!promoted.versions().containsKey(name)) {
                removed.add(new Dependency(name, version));
            }
        });
        return new DependencyDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /**
     * The promotion PR's section for one service. "changed" rather than "upgraded": versions are
     * not ordered here, a downgrade shows the same way and the reviewer reads the two numbers.
     */
    public String markdown(String service) {
        StringBuilder text = new StringBuilder("**").append(service).append("**");
        if (isEmpty()) {
            return text.append(": no dependency changes.\n").toString();
        }
        text.append(": ").append(added.size()).append(" added, ").append(removed.size()).append(" removed, ")
                .append(changed.size()).append(" changed\n\n");
        text.append("| dependency | running | promoted |\n|---|---|---|\n");
        changed.forEach(c -> row(text, c.name(), c.from(), "**" + c.to() + "**"));
        added.forEach(d -> row(text, d.name(), "(none)", "**" + d.version() + "**"));
        removed.forEach(d -> row(text, d.name(), d.version(), "(removed)"));
        return text.toString();
    }

    private static void row(StringBuilder text, String name, String running, String promoted) {
        text.append("| `").append(name).append("` | ").append(running).append(" | ").append(promoted).append(" |\n");
    }
}
