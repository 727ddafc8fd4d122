package dev.shop.pipeline.affected;

import dev.shop.cli.CliException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The Maven modules the root pom aggregates, read from the poms themselves: each module's path,
 * artifactId, the in-repository modules it depends on, and whether it builds a container image.
 */
public final class ModuleGraph {

    static final String GROUP_ID = "dev.shop";
    private static final String JIB_EXTENSION = "quarkus-container-image-jib";

    public record Module(String path, String artifactId, Set<String> dependsOn, boolean buildsImage) {
    }

    private final Map<String, Module> modulesByPath;

    private ModuleGraph(Map<String, Module> modulesByPath) {
        this.modulesByPath = modulesByPath;
    }

    public static ModuleGraph read(Path repoRoot) {
        Element root = parse(repoRoot.resolve("pom.xml"));
        Map<String, Module> modules = new LinkedHashMap<>();
        for (String path : childTexts(child(root, "modules"), "module")) {
            Path pom = repoRoot.resolve(path).resolve("pom.xml");
            if (!Files.isRegularFile(pom)) {
                throw CliException.usage("the root pom lists module " + path + " but " + pom + " does not exist");
            }
            Element project = parse(pom);
            Set<String> dependsOn = new LinkedHashSet<>();
            boolean buildsImage = false;
            Element dependencies = child(project, "dependencies");
            if (dependencies != null) {
                for (Element dependency : children(dependencies, "dependency")) {
                    String groupId = text(child(dependency, "groupId"));
                    String artifactId = text(child(dependency, "artifactId"));
                    if (GROUP_ID.equals(groupId)) {
                        dependsOn.add(artifactId);
                    }
                    buildsImage |= JIB_EXTENSION.equals(artifactId);
                }
            }
            modules.put(path, new Module(path, text(child(project, "artifactId")), dependsOn, buildsImage));
        }
        return new ModuleGraph(modules);
    }

    public List<Module> modules() {
        return List.copyOf(modulesByPath.values());
    }

    /** The module whose folder holds {@code file} (a path relative to the repository root), or null. */
    public Module owning(String file) {
        Module best = null;
        for (Module module : modulesByPath.values()) {
            if (file.startsWith(module.path() + "/") && (best == null || module.path().length() > best.path().length())) {
                best = module;
            }
        }
        return best;
    }

    public Module byPath(String path) {
        Module module = modulesByPath.get(path);
        if (module == null) {
            throw CliException.usage("no module " + path + " in the root pom");
        }
        return module;
    }

    /** The given modules and every module that depends on one of them, directly or not, in pom order. */
    public Set<Module> withDependents(Set<Module> changed) {
        Set<String> artifactIds = new LinkedHashSet<>();
        changed.forEach(module -> artifactIds.add(module.artifactId()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Module module : modulesByPath.values()) {
                if (!artifactIds.contains(module.artifactId())
                        && module.dependsOn().stream().anyMatch(artifactIds::contains)) {
                    artifactIds.add(module.artifactId());
                    grew = true;
                }
            }
        }
        Set<Module> result = new LinkedHashSet<>();
        modulesByPath.values().stream().filter(module -> artifactIds.contains(module.artifactId())).forEach(result::add);
        return result;
    }

    private static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            return document.getDocumentElement();
        } catch (Exception e) {
            throw CliException.usage(pom + " is not a readable pom: " + e.getMessage());
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    private static List<String> childTexts(Element parent, String name) {
        return parent == null ? List.of() : children(parent, name).stream().map(ModuleGraph::text).toList();
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().trim();
    }
}
