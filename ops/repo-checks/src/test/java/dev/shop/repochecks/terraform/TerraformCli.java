package dev.shop.repochecks.terraform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the terraform binary on PATH for the tests that can use it offline (fmt, variable validations). */
final class TerraformCli {

    record Result(int exit, String output) {
    }

    private TerraformCli() {
    }

    static boolean available() {
        return run(null, "version").exit() == 0;
    }

    /** terraform ARGUMENTS in dir (the working directory when null), stdout and stderr together. */
    static Result run(Path dir, String... arguments) {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            builder.environment().put("TF_IN_AUTOMATION", "1");
            builder.environment().put("CHECKPOINT_DISABLE", "1");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
