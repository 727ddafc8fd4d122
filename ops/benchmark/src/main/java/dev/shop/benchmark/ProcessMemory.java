package dev.shop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory of a process, as Linux reports it in {@code /proc/<pid>/status}. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmRSS in KiB, or empty when the process is gone. */
    public static OptionalLong residentKib(long pid) {
        try {
            return parseVmRss(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parseVmRss(String status) {
        for (String line : status.split("\\R")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
            }
        }
        return OptionalLong.empty();
    }
}
