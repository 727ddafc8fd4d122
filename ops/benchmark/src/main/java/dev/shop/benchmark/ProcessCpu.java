package dev.shop.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * CPU time (user + system) that groups of processes have used, as Linux counts it in {@code /proc/<pid>/stat}.
 * A group is a root process and every process below it, plus what its finished children used (their time
 * moves into the parent's {@code cutime}/{@code cstime} when it reaps them), so a PostgreSQL backend that
 * exits between two snapshots is still counted once.
 */
public final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    /** One line of {@code /proc/<pid>/stat}: the fields this class needs. */
    record Stat(long pid, String command, long parentPid, long ownTicks, long reapedChildTicks) {
    }

    private ProcessCpu() {
    }

    /** Milliseconds of CPU each group has used so far; a group whose root is gone counts 0. */
    public static Map<String, Long> millisByGroup(Map<String, Long> roots) {
        List<Stat> all = readAll();
        Map<Long, List<Stat>> children = new HashMap<>();
        Map<Long, Stat> byPid = new HashMap<>();
        for (Stat stat : all) {
            children.computeIfAbsent(stat.parentPid(), key -> new ArrayList<>()).add(stat);
            byPid.put(stat.pid(), stat);
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        roots.forEach((name, pid) -> millis.put(name, ticksBelow(byPid.get(pid), children) * 1000 / TICKS_PER_SECOND));
        return millis;
    }

    /** The first process below {@code ancestor} whose command (the kernel's 15-character name) matches. */
    public static OptionalLong findBelow(long ancestor, Predicate<String> command) {
        List<Stat> all = readAll();
        Map<Long, Long> parents = new HashMap<>();
        all.forEach(stat -> parents.put(stat.pid(), stat.parentPid()));
        return all.stream()
                .filter(stat -> command.test(stat.command()) && isBelow(stat.pid(), ancestor, parents))
                .mapToLong(Stat::pid).findFirst();
    }

    private static boolean isBelow(long pid, long ancestor, Map<Long, Long> parents) {
        Set<Long> seen = new java.util.HashSet<>();
        for (Long current = parents.get(pid); current != null && seen.add(current); current = parents.get(current)) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static long ticksBelow(Stat root, Map<Long, List<Stat>> children) {
        if (root == null) {
            return 0;
        }
        long ticks = root.ownTicks() + root.reapedChildTicks();
        for (Stat child : children.getOrDefault(root.pid(), List.of())) {
            ticks += ticksBelow(child, children);
        }
        return ticks;
    }

    private static List<Stat> readAll() {
        List<Stat> all = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path entry : entries) {
                try {
                    parse(Files.readString(entry.resolve("stat"))).ifPresent(all::add);
                } catch (IOException gone) {
                    // the process ended between the listing and the read: its time is in its parent's cutime
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return all;
    }

    /**
     * Parses one {@code /proc/<pid>/stat} line. The command sits in parentheses and may itself hold spaces and
     * parentheses, so the fields are counted from the last ')'; utime, stime, cutime, cstime are fields 14-17.
     */
    static Optional<Stat> parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] rest = line.substring(close + 1).strip().split(" ");
        // rest[0] is field 3 (state), so field n is rest[n - 3]
        if (rest.length < 15) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(line.substring(0, open).strip());
            long parent = Long.parseLong(rest[1]);
            long own = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
            long reaped = Long.parseLong(rest[13]) + Long.parseLong(rest[14]);
            return Optional.of(new Stat(pid, line.substring(open + 1, close), parent, own, reaped));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
