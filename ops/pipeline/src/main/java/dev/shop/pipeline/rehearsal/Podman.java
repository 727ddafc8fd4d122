package dev.shop.pipeline.rehearsal;

import dev.shop.cli.ProcessRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * podman as this machine runs it: runc (crun fails on setrlimit and hybrid cgroups), host network,
 * plain HTTP to the loopback registry.
 */
final class Podman {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    ProcessRunner.Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("podman", "--runtime=runc"));
        command.addAll(List.of(args));
        return ProcessRunner.run(command, null, TIMEOUT);
    }

    void importRootfs(Path tar, String image, String user) {
        run("import", "--change", "USER " + user, "--change", "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                tar.toString(), image).orThrow();
    }

    void push(String localImage, String remoteImage) {
        run("push", "--tls-verify=false", localImage, "docker://" + remoteImage).orThrow();
    }

    /**
     * Starts a container detached with the pod's security settings mirrored: read-only root with a
     * writable /tmp, no capabilities, no privilege escalation. The image's own user is kept.
     * {@code limits} are further options, e.g. --cpus and --memory from the manifest.
     */
    void start(String name, String image, Map<String, String> env, List<String> limits) {
        List<String> args = new ArrayList<>(List.of("run", "--detach", "--name", name, "--network=host",
                "--tls-verify=false", "--pull=always", "--read-only", "--tmpfs", "/tmp:rw,size=64m",
                "--cap-drop=ALL", "--security-opt=no-new-privileges"));
        args.addAll(limits);
        env.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        args.add(image);
        run(args.toArray(String[]::new)).orThrow();
    }

    /** The numeric user id the container's main process runs as, read from /proc inside it. */
    String uidOf(String name) {
        String status = run("exec", name, "cat", "/proc/1/status").orThrow().stdout();
        return status.lines().filter(line -> line.startsWith("Uid:")).findFirst()
                .map(line -> line.split("\\s+")[1]).orElse("unknown");
    }

    /** What podman says of a container: its state ("running", "exited", "gone"), image digest and restarts. */
    record Live(String status, String digest, int restarts) {
    }

    Live live(String name) {
        ProcessRunner.Result inspect = run("container", "inspect", "--format", "{{.State.Status}} {{.ImageDigest}} {{.RestartCount}}", name);
        String[] fields = inspect.stdout().strip().split("\\s+");
        if (!inspect.ok() || fields.length < 3) {
            return new Live("gone", "", 0);
        }
        return new Live(fields[0], fields[1], Integer.parseInt(fields[2]));
    }

    String imageUser(String image) {
        return run("image", "inspect", "--format", "{{.Config.User}}", image).orThrow().stdout().strip();
    }

    String logs(String name) {
        ProcessRunner.Result logs = run("logs", "--tail", "40", name);
        return logs.stdout() + logs.stderr();
    }

    void remove(String name) {
        run("rm", "--force", "--time", "5", name);
    }

    void removeImage(String image) {
        run("rmi", "--force", image);
    }

    /** Removes containers with one podman call, which stops them at once rather than one after another. */
    void removeAll(Collection<String> names) {
        if (!names.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "--force", "--time", "5"));
            args.addAll(names);
            run(args.toArray(String[]::new));
        }
    }
}
