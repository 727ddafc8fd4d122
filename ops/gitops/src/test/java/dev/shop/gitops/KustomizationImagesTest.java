package dev.shop.gitops;

import dev.shop.cli.CliException;
import dev.shop.cli.ExitCodes;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KustomizationImagesTest {

    private static final String D1 = "sha256:" + "1".repeat(64);
    private static final String D2 = "sha256:" + "2".repeat(64);
    private static final String D9 = "sha256:" + "9".repeat(64);

    private static final String FILE = """
            # env dev: humans own everything above images:
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: shop-dev   # trailing comment

            resources:
              - ../../base

            images:
              # catalog first
              - name: catalog
                newName: registry.example/shop/catalog
                newTag: "1.3.0-alpha.1"   # quoted on purpose
                digest: %s
              - name: orders
                newName: registry.example/shop/orders
                newTag: 1.2.0
                digest: %s

            # trailing comment after the list
            """.formatted(D1, D2);

    @Test
    void readsTheImagesList() {
        KustomizationImages images = KustomizationImages.parse(FILE, "dev");
        assertThat(images.entries()).containsOnlyKeys("catalog", "orders");
        assertThat(images.entry("catalog")).contains(new ImageEntry("catalog", "registry.example/shop/catalog", "1.3.0-alpha.1", D1));
    }

    @Test
    void changesOnlyTheValuesOfThatEntryAndKeepsEveryOtherByte() {
        String edited = KustomizationImages.parse(FILE, "dev").withImage(new ImageEntry("orders", null, "1.3.0-alpha.2", D9));
        String expected = FILE.replace("newTag: 1.2.0\n    digest: " + D2, "newTag: 1.3.0-alpha.2\n    digest: " + D9);
        assertThat(edited).isEqualTo(expected);
    }

    @Test
    void keepsTheQuotingOfAQuotedValue() {
        String edited = KustomizationImages.parse(FILE, "dev").withImage(new ImageEntry("catalog", null, "1.3.0-alpha.2", null));
        assertThat(edited).contains("newTag: \"1.3.0-alpha.2\"   # quoted on purpose").isEqualTo(FILE.replace("1.3.0-alpha.1", "1.3.0-alpha.2"));
    }

    @Test
    void anUnchangedImageGivesTheSameText() {
        String same = KustomizationImages.parse(FILE, "dev").withImage(new ImageEntry("orders", null, "1.2.0", D2));
        assertThat(same).isEqualTo(FILE);
    }

    @Test
    void addsAMissingFieldAtTheEntrysIndentation() {
        String file = "images:\n  - name: catalog\n    newTag: 1.0.0 # no digest yet\n  - name: orders\n    newTag: 1.0.0\n";
        String edited = KustomizationImages.parse(file, "dev").withImage(new ImageEntry("catalog", null, null, D1));
        assertThat(edited).isEqualTo("images:\n  - name: catalog\n    newTag: 1.0.0 # no digest yet\n    digest: " + D1
                + "\n  - name: orders\n    newTag: 1.0.0\n");
    }

    @Test
    void appendsAMissingImageAfterTheLastEntryNotAfterTrailingComments() {
        String edited = KustomizationImages.parse(FILE, "dev").withImage(new ImageEntry("storefront", "registry.example/shop/storefront", "1.0.0", D9));
        assertThat(edited).isEqualTo(FILE.replace("    digest: " + D2 + "\n", "    digest: " + D2 + "\n"
                + "  - name: storefront\n    newName: registry.example/shop/storefront\n    newTag: 1.0.0\n    digest: " + D9 + "\n"));
    }

    @Test
    void keepsWindowsLineEndings() {
        String file = "images:\r\n  - name: catalog\r\n    newTag: 1.0.0\r\n    digest: " + D1 + "\r\n";
        String edited = KustomizationImages.parse(file, "dev").withImage(new ImageEntry("catalog", "r/x", "1.0.1", D2));
        assertThat(edited).isEqualTo("images:\r\n  - name: catalog\r\n    newTag: 1.0.1\r\n    digest: " + D2 + "\r\n    newName: r/x\r\n");
    }

    @Test
    void quotesATagThatYamlWouldReadAsANumber() {
        String file = "images:\n  - name: catalog\n    newTag: v1\n";
        assertThat(KustomizationImages.parse(file, "dev").withImage(new ImageEntry("catalog", null, "1.10", null)))
                .isEqualTo("images:\n  - name: catalog\n    newTag: \"1.10\"\n");
    }

    @Test
    void rejectsMalformedYamlAsAUsageError() {
        assertThatThrownBy(() -> KustomizationImages.parse("images:\n  - name: [unclosed\n", "envs/dev/kustomization.yaml"))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(e.getMessage()).startsWith("malformed YAML in envs/dev/kustomization.yaml").doesNotContain("\n");
                });
        assertThatThrownBy(() -> KustomizationImages.parse("images: catalog\n", "k")).hasMessageContaining("images is not a list");
    }
}
