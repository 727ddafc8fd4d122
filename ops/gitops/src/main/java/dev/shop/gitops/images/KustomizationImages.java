package dev.shop.gitops.images;

import dev.shop.cli.CliException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and edits the {@code images:} list of a kustomization as text. Edits splice new scalars
 * into the original text at the positions the YAML composer reports, so comments, key order,
 * quoting and blank lines of everything else stay byte-for-byte as they were.
 */
public final class KustomizationImages {

    private static final List<String> FIELDS = List.of("newName", "newTag", "digest");
    /** Plain scalars YAML 1.1 or 1.2 would read as something other than a string. */
    private static final Pattern NON_STRING = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+"
                    + "|(?i:true|false|yes|no|on|off|y|n|null|~|\\.inf|\\.nan)|[0-9]+(:[0-5]?[0-9])+");
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./@+-][A-Za-z0-9_./@:+-]*");

    private final String text;
    private final String source;
    private final MappingNode document;

    private KustomizationImages(String text, String source, MappingNode document) {
        this.text = text;
        this.source = source;
        this.document = document;
    }

    /** Parses a kustomization; malformed YAML or a non-mapping document is a usage error naming the file. */
    public static KustomizationImages parse(String text, String source) {
        Optional<Node> node;
        try {
            node = new Compose(LoadSettings.builder().setLabel(source).build()).composeString(text);
        } catch (YamlEngineException e) {
            throw CliException.usage("malformed YAML in " + source + ": " + oneLine(e.getMessage()));
        }
        if (node.isEmpty() || !(node.get() instanceof MappingNode mapping)) {
            throw CliException.usage("malformed kustomization " + source + ": the document is not a mapping");
        }
        KustomizationImages images = new KustomizationImages(text, source, mapping);
        images.entries();
        return images;
    }

    /** The images by name, in file order. */
    public Map<String, ImageEntry> entries() {
        Map<String, ImageEntry> result = new LinkedHashMap<>();
        SequenceNode list = imagesList();
        if (list == null) {
            return result;
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode entry)) {
                throw CliException.usage("malformed kustomization " + source + ": an images item is not a mapping");
            }
            String name = scalar(entry, "name");
            if (name == null) {
                throw CliException.usage("malformed kustomization " + source + ": an images item has no name");
            }
            result.put(name, new ImageEntry(name, scalar(entry, "newName"), scalar(entry, "newTag"), scalar(entry, "digest")));
        }
        return result;
    }

    public Optional<ImageEntry> entry(String name) {
        return Optional.ofNullable(entries().get(name));
    }

    /**
     * The text with the named image's newName, newTag and digest set to those of change that are
     * not null; an image missing from the list is appended. Returns the same text when nothing changes.
     */
    public String withImage(ImageEntry change) {
        MappingNode entry = findEntry(change.name());
        if (entry == null) {
            return appendEntry(change);
        }
        List<Splice> splices = new ArrayList<>();
        Map<String, String> wanted = fieldValues(change);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder inserted = new StringBuilder();
        for (String field : FIELDS) {
            String value = wanted.get(field);
            if (value == null) {
                continue;
            }
            NodeTuple tuple = tuple(entry, field);
            if (tuple == null) {
                inserted.append(" ".repeat(keyColumn(entry))).append(field).append(": ").append(format(value, null)).append(eol);
            } else if (tuple.getValueNode() instanceof ScalarNode current && !value.equals(current.getValue())) {
                splices.add(new Splice(start(current), end(current), format(value, current.getScalarStyle())));
            } else if (!(tuple.getValueNode() instanceof ScalarNode)) {
                throw CliException.usage("malformed kustomization " + source + ": " + field + " of image " + change.name() + " is not a scalar");
            }
        }
        if (!inserted.isEmpty()) {
            if (entry.getFlowStyle() == FlowStyle.FLOW) {
                throw CliException.usage("image " + change.name() + " in " + source
                        + " is written in flow style {…}: write it as a block mapping so fields can be added");
            }
            int at = lineEndAfter(lastScalarEnd(entry));
            String before = at == text.length() && !text.endsWith("\n") ? eol : "";
            splices.add(new Splice(at, at, before + inserted));
        }
        return apply(splices);
    }

    private String appendEntry(ImageEntry change) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        SequenceNode list = imagesList();
        StringBuilder block = new StringBuilder();
        if (list == null) {
            if (tuple(document, "images") != null) {
                throw CliException.usage("malformed kustomization " + source + ": images is not a list");
            }
            String prefix = text.isEmpty() || text.endsWith("\n") ? "" : eol;
            block.append(prefix).append("images:").append(eol);
            appendItem(block, change, 2, eol);
            return text + block;
        }
        if (list.getFlowStyle() == FlowStyle.FLOW) {
            throw CliException.usage("images in " + source + " is written in flow style [...]: write it as a block list");
        }
        int dashColumn = list.getValue().isEmpty() ? 2 : column(list.getValue().get(0)) - 2;
        appendItem(block, change, dashColumn, eol);
        int at = list.getValue().isEmpty() ? lineEndAfter(end(list)) : lineEndAfter(lastScalarEnd(list));
        String before = at > 0 && text.charAt(at - 1) != '\n' ? eol : "";
        return text.substring(0, at) + before + block + text.substring(at);
    }

    private static void appendItem(StringBuilder block, ImageEntry change, int dashColumn, String eol) {
        String indent = " ".repeat(dashColumn);
        block.append(indent).append("- name: ").append(format(change.name(), null)).append(eol);
        fieldValues(change).forEach((field, value) -> {
            if (value != null) {
                block.append(indent).append("  ").append(field).append(": ").append(format(value, null)).append(eol);
            }
        });
    }

    private static Map<String, String> fieldValues(ImageEntry change) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("newName", change.newName());
        values.put("newTag", change.newTag());
        values.put("digest", change.digest());
        return values;
    }

    private record Splice(int from, int to, String replacement) {
    }

    private String apply(List<Splice> splices) {
        splices.sort((a, b) -> Integer.compare(b.from, a.from));
        StringBuilder result = new StringBuilder(text);
        for (Splice splice : splices) {
            result.replace(splice.from, splice.to, splice.replacement);
        }
        return result.toString();
    }

    /** Keeps the scalar's quoting; quotes a plain value that YAML would not read back as the same string. */
    static String format(String value, ScalarStyle original) {
        if (original == ScalarStyle.SINGLE_QUOTED) {
            return "'" + value.replace("'", "''") + "'";
        }
        if (original == ScalarStyle.DOUBLE_QUOTED || !PLAIN_SAFE.matcher(value).matches() || NON_STRING.matcher(value).matches()) {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return value;
    }

    private SequenceNode imagesList() {
        NodeTuple images = tuple(document, "images");
        if (images == null) {
            return null;
        }
        if (images.getValueNode() instanceof SequenceNode list) {
            return list;
        }
        if (images.getValueNode() instanceof ScalarNode s && s.getValue().isEmpty()) {
            return null;
        }
        throw CliException.usage("malformed kustomization " + source + ": images is not a list");
    }

    private MappingNode findEntry(String name) {
        SequenceNode list = imagesList();
        if (list == null) {
            return null;
        }
        for (Node item : list.getValue()) {
            if (item instanceof MappingNode entry && name.equals(scalar(entry, "name"))) {
                return entry;
            }
        }
        return null;
    }

    private static NodeTuple tuple(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return tuple;
            }
        }
        return null;
    }

    private static String scalar(MappingNode mapping, String key) {
        NodeTuple tuple = tuple(mapping, key);
        return tuple != null && tuple.getValueNode() instanceof ScalarNode s ? s.getValue() : null;
    }

    /** Where the last scalar inside node ends: block collections' own end marks lie past trailing comments. */
    private int lastScalarEnd(Node node) {
        if (node instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
            return lastScalarEnd(mapping.getValue().get(mapping.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            return lastScalarEnd(sequence.getValue().get(sequence.getValue().size() - 1));
        }
        return end(node);
    }

    private int keyColumn(MappingNode mapping) {
        return column(mapping.getValue().get(0).getKeyNode());
    }

    private static int column(Node node) {
        return mark(node.getStartMark()).getColumn();
    }

    /** Composer marks count code points; the text is indexed by UTF-16 chars. */
    private int start(Node node) {
        return text.offsetByCodePoints(0, mark(node.getStartMark()).getIndex());
    }

    private int end(Node node) {
        return text.offsetByCodePoints(0, mark(node.getEndMark()).getIndex());
    }

    private static Mark mark(Optional<Mark> mark) {
        return mark.orElseThrow(() -> new IllegalStateException("YAML composer returned no positions"));
    }

    /** The index just past the line break that ends the line holding index (or the end of the text). */
    private int lineEndAfter(int index) {
        if (index > 0 && text.charAt(index - 1) == '\n') {
            return index;
        }
        int newline = text.indexOf('\n', index);
        return newline < 0 ? text.length() : newline + 1;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
