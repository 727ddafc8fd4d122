package dev.shop.gitops.commands;

import dev.shop.cli.CliException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files the verbs write for the workflow (PR body, branch name, HTML): all or nothing, never half a file. */
final class OutputFiles {

    private OutputFiles() {
    }

    static void writeAtomically(Path file, String text) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            throw CliException.usage(file + " is a root folder, not a file to write");
        }
        try {
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".gitops", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw CliException.environment("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Writes text to file, or to out when file is null or "-". */
    static void writeOrPrint(Path file, String text, PrintWriter out) {
        if (file == null || file.toString().equals("-")) {
            out.print(text);
            return;
        }
        writeAtomically(file, text);
    }
}
