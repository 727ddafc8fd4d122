package dev.shop.pipeline.registry;

import dev.shop.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "tag-release", mixinStandardHelpOptions = true,
        description = {"Adds a release tag to the exact digests an overlay runs (build once, promote by digest):",
                "the manifest is read by digest and put back under the tag, then the tag is checked to resolve",
                "to that digest. Nothing is rebuilt or re-pushed."})
public final class TagReleaseCommand implements Callable<Integer> {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    @Option(names = "--env-dir", required = true, paramLabel = "DIR",
            description = "the overlay whose digests get the tag, e.g. gitops-envs/envs/staging")
    Path envDir;

    @Option(names = "--tag", required = true, description = "the release tag, e.g. v1.4.0")
    String tag;

    @Mixin
    RegistryLogin login;

    @Override
    public Integer call() throws IOException {
        if (!TAG.matcher(tag).matches()) {
            throw CliException.usage("not a valid OCI tag: " + tag);
        }
        List<OverlayImages.Image> images = OverlayImages.read(envDir);
        if (images.isEmpty()) {
            throw CliException.findings(envDir + " has no images to tag");
        }
        for (OverlayImages.Image image : images) {
            if (image.digest() == null) {
                throw CliException.findings(image.name() + " in " + envDir + " is not pinned to a digest");
            }
        }
        for (OverlayImages.Image image : images) {
            String digest = tag(login.client(image.registryHost()), image, tag);
            System.out.println(image.newName() + ":" + tag + " -> " + digest);
        }
        return 0;
    }

    /** Tags one image's digest; fails unless the registry then resolves the tag to that very digest. */
    public static String tag(RegistryClient registry, OverlayImages.Image image, String tag) {
        RegistryClient.Manifest manifest = registry.manifest(image.repository(), image.digest());
        if (!manifest.digest().equals(image.digest())) {
            throw CliException.findings(image.newName() + "@" + image.digest() + " came back as " + manifest.digest());
        }
        registry.putManifest(image.repository(), tag, manifest);
        String tagged = registry.digestOf(image.repository(), tag).orElse("nothing");
        if (!tagged.equals(image.digest())) {
            throw CliException.findings(image.newName() + ":" + tag + " resolves to " + tagged
                    + ", not " + image.digest());
        }
        return tagged;
    }
}
