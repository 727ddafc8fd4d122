package dev.shop.gitops.verify;

/** Field paths in findings are written the way kubectl explain names them: spec.template.spec.containers[0].image. */
final class FieldPaths {

    private FieldPaths() {
    }

    /** "/spec/containers/0/image" (JSON Pointer) or "$.spec" (JSONPath-like) to "spec.containers[0].image". */
    static String dotted(String pointer) {
        String text = pointer.startsWith("$") ? pointer.substring(1) : pointer;
        if (text.startsWith(".")) {
            return text.substring(1);
        }
        StringBuilder path = new StringBuilder();
        for (String segment : text.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.toString();
    }

    static String join(String path, String name) {
        if (name.isEmpty()) {
            return path;
        }
        return path.isEmpty() || name.startsWith("[") ? path + name : path + "." + name;
    }
}
