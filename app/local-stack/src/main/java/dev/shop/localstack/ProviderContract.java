package dev.shop.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider's committed OpenAPI document ({@code docs/contracts/<service>.openapi.json}, which the provider's
 * own build checks against what it serves at {@code /q/openapi}), used by consumers to pin their fakes: every
 * request a fake answers and every answer it gives must be one the provider documents, with a body of the
 * documented shape (JSON Schema 2020-12, the dialect of OpenAPI 3.1). An error status the provider does not
 * list is accepted as the shared problem+json answer.
 */
public final class ProviderContract {

    /** Where the committed documents live, relative to the repository root. */
    public static final String FOLDER = "docs/contracts";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String provider;
    private final JsonNode document;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private ProviderContract(String provider, JsonNode document) {
        this.provider = provider;
        this.document = document;
        compileEverySchema();
    }

    /** Up front, so that a fake's first answer is not slowed down by it (its client may time out). */
    private void compileEverySchema() {
        for (JsonNode path : document.path("paths")) {
            for (JsonNode operation : path) {
                List<JsonNode> contents = new ArrayList<>();
                contents.add(operation.path("requestBody").path("content"));
                operation.path("responses").forEach(response -> contents.add(response.path("content")));
                for (JsonNode content : contents) {
                    JsonNode schema = jsonSchema(content);
                    if (schema != null) {
                        compiled(schema);
                    }
                }
            }
        }
    }

    /** The committed document of {@code provider}, found from the working directory upwards. */
    public static ProviderContract of(String provider) {
        return of(provider, document(provider));
    }

    /** A contract from a document in hand (tests of this class). */
    public static ProviderContract of(String provider, String openApiJson) {
        try {
            return new ProviderContract(provider, JSON.readTree(openApiJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(provider + "'s OpenAPI document is not JSON", e);
        }
    }

    /** The committed document's path for {@code provider}. */
    public static Path document(String provider) {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null) {
            Path candidate = folder.resolve(FOLDER).resolve(provider + ".openapi.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            folder = folder.getParent();
        }
        throw new IllegalStateException("no " + FOLDER + "/" + provider + ".openapi.json above " + Path.of("").toAbsolutePath());
    }

    /**
     * Compares what a provider serves at {@code /q/openapi?format=json} with its committed document, leaving
     * {@code info.version} out (it follows releases). Empty when they are the same; otherwise the served document is
     * written to {@code servedCopy} and the answer says what to do.
     */
    public static String differenceFromServed(String provider, String served, Path servedCopy) {
        try {
            Path committedFile;
            try {
                committedFile = document(provider);
            } catch (IllegalStateException missing) {
                committedFile = null;
            }
            JsonNode servedDocument = withoutVersion(JSON.readTree(served));
            if (committedFile != null && withoutVersion(JSON.readTree(Files.readString(committedFile))).equals(servedDocument)) {
                return "";
            }
            Path servedFolder = servedCopy.toAbsolutePath().getParent();
            if (servedFolder != null) {
                Files.createDirectories(servedFolder);
            }
            Files.writeString(servedCopy, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(served)) + "\n");
            return provider + " serves an OpenAPI document that differs from " + FOLDER + "/" + provider
                    + ".openapi.json: review the change (its consumers' fakes are checked against it) and commit "
                    + servedCopy.toAbsolutePath() + " in its place";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode withoutVersion(JsonNode document) {
        JsonNode copy = document.deepCopy();
        if (copy.path("info") instanceof ObjectNode info) {
            info.remove("version");
        }
        return copy;
    }

    private static ProviderContract of(String provider, Path document) {
        try {
            return of(provider, Files.readString(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with a request the provider would get; empty when it documents it. {@code body} may be null. */
    public List<String> checkRequest(String method, String path, String body) {
        Optional<JsonNode> operation = operation(method, path);
        if (operation.isEmpty()) {
            return List.of(provider + " documents no " + method + " " + path);
        }
        JsonNode schema = jsonSchema(operation.get().path("requestBody").path("content"));
        if (schema == null || body == null || body.isBlank()) {
            return List.of();
        }
        return validate(schema, body, method + " " + path + " request body");
    }

    /** What is wrong with an answer a fake of the provider gives; empty when the provider documents it so. */
    public List<String> checkResponse(String method, String path, int status, String body) {
        Optional<JsonNode> operation = operation(method, path);
        if (operation.isEmpty()) {
            return List.of(provider + " documents no " + method + " " + path);
        }
        JsonNode responses = operation.get().path("responses");
        JsonNode response = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status))
                : responses.get("default");
        if (response == null) {
            // error answers are the shared problem+json; only those a provider lists are checked further
            return status >= 400 ? List.of() : List.of(provider + " documents no " + status + " answer to " + method + " " + path);
        }
        JsonNode schema = jsonSchema(response.path("content"));
        if (schema == null || body == null || body.isBlank()) {
            return List.of();
        }
        return validate(schema, body, status + " answer to " + method + " " + path);
    }

    private Optional<JsonNode> operation(String method, String path) {
        JsonNode paths = document.path("paths");
        String verb = method.toLowerCase(Locale.ROOT);
        // a literal path wins over a template that also matches it
        if (paths.path(path).has(verb)) {
            return Optional.of(paths.path(path).get(verb));
        }
        for (Iterator<String> templates = paths.fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            if (path.matches(template.replaceAll("\\{[^/}]+}", "[^/]+")) && paths.get(template).has(verb)) {
                return Optional.of(paths.get(template).get(verb));
            }
        }
        return Optional.empty();
    }

    /** The JSON body's schema of a {@code content} map (any JSON media type), or null when it has none. */
    private static JsonNode jsonSchema(JsonNode content) {
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (type.getKey().contains("json") && type.getValue().has("schema")) {
                return type.getValue().get("schema");
            }
        }
        return null;
    }

    private Schema compiled(JsonNode schema) {
        return compiled.computeIfAbsent(schema.toString(), key -> SCHEMAS.getSchema(standalone(schema), InputFormat.JSON));
    }

    private List<String> validate(JsonNode schema, String body, String what) {
        List<String> problems = new ArrayList<>();
        for (Error error : compiled(schema).validate(body, InputFormat.JSON)) {
            problems.add(what + " differs from " + provider + "'s contract: " + error.getInstanceLocation() + " "
                    + error.getMessage());
        }
        return problems;
    }

    /**
     * The schema with the document's components beside it, so that its {@code #/components/...} references resolve,
     * and closed: an object may carry only the members the provider documents, so a fake cannot invent any.
     */
    private String standalone(JsonNode schema) {
        ObjectNode standalone = JSON.createObjectNode();
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        standalone.setAll((ObjectNode) schema.deepCopy());
        standalone.set("components", document.path("components").deepCopy());
        closeObjects(standalone);
        return standalone.toString();
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(ProviderContract::closeObjects);
    }
}
