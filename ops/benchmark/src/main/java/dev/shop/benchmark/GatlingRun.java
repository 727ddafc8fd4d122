package dev.shop.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link RequestRateSimulation} in a JVM of its own, so the load generator's heap and threads are
 * apart from the driver that samples the services, and returns what it printed.
 */
public final class GatlingRun {

    private final Path resultsDir;
    private final Path log;

    public GatlingRun(Path resultsDir, Path log) {
        this.resultsDir = resultsDir;
        this.log = log;
    }

    public String run(Map<String, String> properties, Duration length, String description) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        // the options gatling-maven-plugin gives its forked JVM on Java 17
        command.addAll(List.of("-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.gatling.app.Gatling");
        command.addAll(List.of("-s", RequestRateSimulation.class.getName(), "-rf", resultsDir.toString(),
                "-rd", description));
        try {
            Files.createDirectories(resultsDir);
            Path output = Files.createTempFile(resultsDir, "gatling-", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            long waitSeconds = length.toSeconds() + 120;
            if (!process.waitFor(waitSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("Gatling did not finish within " + waitSeconds + " s: " + description);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.writeString(log, "==== " + description + "\n" + text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.delete(output);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run Gatling for " + description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + description, e);
        }
    }
}
