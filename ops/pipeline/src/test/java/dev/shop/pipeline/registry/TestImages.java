package dev.shop.pipeline.registry;

import java.nio.charset.StandardCharsets;

/** A minimal OCI image (config blob, one layer, manifest) pushed into a real registry for a test. */
final class TestImages {

    private TestImages() {
    }

    /** Pushes repository:tag with a layer holding {@code content}; returns the manifest digest the registry answered. */
    static String push(RegistryClient client, String repository, String tag, String content) {
        byte[] layer = content.getBytes(StandardCharsets.UTF_8);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"185\"},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        String layerDigest = client.putBlob(repository, layer);
        String configDigest = client.putBlob(repository, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        return client.putManifest(repository, tag,
                new RegistryClient.Manifest("application/vnd.oci.image.manifest.v1+json", manifest, RegistryClient.sha256(manifest)));
    }
}
