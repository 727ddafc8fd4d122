package dev.shop.gitops.images;

import dev.shop.cli.CliException;
import dev.shop.gitops.manifests.Manifests;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The services of one env that automation must leave alone: {@code envs/<env>/holds.yaml}.
 * A rollback writes a hold so the next write-back cannot undo it; set-image and promote refuse a
 * held service; only {@code gitops release-hold} (a reviewed commit like any other) lifts it.
 * Kustomize does not read the file: it changes nothing that runs.
 */
public final class Holds {

    public static final String FILE_NAME = "holds.yaml";

    /** Why a service is held, since when, and the version it is held at. */
    public record Hold(String service, String version, String reason, String since) {
    }

    private final Map<String, Hold> byService;

    private Holds(Map<String, Hold> byService) {
        this.byService = byService;
    }

    public static Holds none() {
        return new Holds(new LinkedHashMap<>());
    }

    /** Parses the file's text; null (no file) means no holds. */
    public static Holds parse(String text, String source) {
        Map<String, Hold> holds = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new Holds(holds);
        }
        JsonNode root;
        try {
            root = Manifests.YAML.readTree(text);
        } catch (JacksonException e) {
            throw CliException.usage("malformed YAML in " + source + ": " + e.getOriginalMessage());
        }
        for (JsonNode hold : root.path("holds")) {
            String service = hold.path("service").asString(null);
            if (service == null) {
                throw CliException.usage("malformed " + source + ": a hold names no service");
            }
            holds.put(service, new Hold(service, hold.path("version").asString(null), hold.path("reason").asString(""),
                    hold.path("since").asString("")));
        }
        return new Holds(holds);
    }

    public Optional<Hold> of(String service) {
        return Optional.ofNullable(byService.get(service));
    }

    public boolean isEmpty() {
        return byService.isEmpty();
    }

    public Map<String, Hold> all() {
        return Map.copyOf(byService);
    }

    public Holds with(Hold hold) {
        Map<String, Hold> next = new LinkedHashMap<>(byService);
        next.put(hold.service(), hold);
        return new Holds(next);
    }

    public Holds without(String service) {
        Map<String, Hold> next = new LinkedHashMap<>(byService);
        next.remove(service);
        return new Holds(next);
    }

    /** The file's text; null when there is nothing held (the file is removed). */
    public String text() {
        if (byService.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("""
                # Services that gitops set-image and promote leave alone in this env, e.g. after a rollback.
                # Written by `gitops rollback` and `gitops hold`; lifted only by `gitops release-hold`.
                holds:
                """);
        for (Hold hold : byService.values()) {
            text.append("  - service: ").append(quoted(hold.service())).append('\n');
            if (hold.version() != null) {
                text.append("    version: ").append(quoted(hold.version())).append('\n');
            }
            text.append("    reason: ").append(quoted(hold.reason())).append('\n');
            text.append("    since: ").append(quoted(hold.since())).append('\n');
        }
        return text.toString();
    }

    /** The refusal set-image and promote give for a held service. */
    public static String refusal(String env, Hold hold) {
        return hold.service() + " in " + env + " is held" + (hold.version() == null ? "" : " at " + hold.version())
                + " since " + hold.since() + " (" + hold.reason() + "): lift it with gitops release-hold --env " + env
                + " --service " + hold.service();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
