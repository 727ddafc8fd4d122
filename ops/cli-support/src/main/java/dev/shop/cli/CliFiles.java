package dev.shop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files an ops CLI reads from its command line and writes for the workflow (PR body, branch name,
 * keys, SBOM lists): an unreadable input is a usage error, and a written file is all or nothing,
 * never half a file.
 */
public final class CliFiles {

    private CliFiles() {
    }

    /** The bytes of a file named on the command line; a usage error when it cannot be read. */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes text (UTF-8) through a temporary file in the same folder, readable by the owner only. */
    public static void writeAtomically(Path file, String text) {
        write(file, text, false);
    }

    /** As {@link #writeAtomically(Path, String)}, readable by everyone (rw-r--r--): a public key, a report. */
    public static void writeAtomicallyReadableByAll(Path file, String text) {
        write(file, text, true);
    }

    /** Writes text to file, or to out when file is null or "-". */
    public static void writeOrPrint(Path file, String text, PrintWriter out) {
        if (file == null || file.toString().equals("-")) {
            out.print(text);
            return;
        }
        writeAtomically(file, text);
    }

    private static void write(Path file, String text, boolean readableByAll) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            throw CliException.usage(file + " is a root folder, not a file to write");
        }
        try {
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".write", ".tmp");
            if (readableByAll) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw CliException.environment("cannot write " + file + ": " + e.getMessage());
        }
    }
}
