package dev.shop.supplychain.cli;

import dev.shop.cli.Verb;
import dev.shop.supplychain.vuln.IgnoreFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

@Command(name = "check-ignore-file", mixinStandardHelpOptions = true,
        description = "Exit 1 listing every entry of a .trivyignore.yaml without a statement or expired_at, or expired.")
final class CheckIgnoreFileCommand extends Verb {

    @Parameters(paramLabel = "FILE", description = "The ignore file, e.g. .trivyignore.yaml.")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            err().println("supply-chain: no file " + file);
            return 2;
        }
        List<String> problems = IgnoreFile.problems(file, LocalDate.now(ZoneOffset.UTC));
        problems.forEach(err()::println);
        return problems.isEmpty() ? 0 : 1;
    }
}
