package dev.shop.pipeline.terraform;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "terraform-check", mixinStandardHelpOptions = true,
        description = {"terraform fmt -check over a tree, then init (no backend) and validate in every folder",
                "holding .tf files (live roots and modules alike). Exit 1 on any finding."})
public final class TerraformCheckCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, description = "the Terraform tree, e.g. infra-terraform")
    Path dir;

    @Option(names = "--terraform", defaultValue = "terraform", description = "the terraform binary (default: ${DEFAULT-VALUE})")
    String terraform;

    @Option(names = "--skip-validate", description = "only fmt (init needs the Terraform registry)")
    boolean skipValidate;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw CliException.usage(dir + " is not a folder");
        }
        List<String> findings = new ArrayList<>();
        ProcessRunner.Result fmt = ProcessRunner.run(List.of(terraform, "fmt", "-check", "-recursive", "-diff", "-no-color", "."),
                dir, Duration.ofMinutes(2));
        if (!fmt.ok()) {
            findings.add("terraform fmt: not formatted:\n" + fmt.stdout().strip() + fmt.stderr().strip());
        }
        if (!skipValidate) {
            for (Path module : moduleDirs(dir)) {
                ProcessRunner.Result init = ProcessRunner.run(List.of(terraform, "init", "-backend=false", "-input=false", "-no-color"),
                        module, Duration.ofMinutes(10));
                ProcessRunner.Result validate = init.ok()
                        ? ProcessRunner.run(List.of(terraform, "validate", "-no-color"), module, Duration.ofMinutes(5))
                        : init;
                if (!validate.ok()) {
                    findings.add("terraform " + (init.ok() ? "validate" : "init") + " in " + dir.relativize(module) + ":\n"
                            + validate.stderr().strip() + validate.stdout().strip());
                }
            }
        }
        findings.forEach(System.err::println);
        if (!findings.isEmpty()) {
            throw CliException.findings(findings.size() + " Terraform finding(s) in " + dir);
        }
        System.out.println("terraform fmt" + (skipValidate ? "" : " and validate") + ": no findings in " + dir);
        return 0;
    }

    /** Every folder with a .tf file directly in it, outside .terraform caches, in a stable order. */
    public static List<Path> moduleDirs(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".tf") && Files.isRegularFile(path))
                    .filter(path -> !root.relativize(path).toString().contains(".terraform/"))
                    .map(Path::getParent).distinct().sorted().toList();
        }
    }
}
