package dev.shop.supplychain.vuln;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The vulnerability gate's ignore file: each entry needs a reason and a near, future expiry. */
class IgnoreFileTest {

    private static final Path REPO = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void theRepositorysIgnoreFileIsAcceptableToday() {
        assertThat(IgnoreFile.problems(REPO.resolve(".trivyignore.yaml"), LocalDate.now(ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void everyBrokenEntryIsRejectedWithItsReason() {
        Path file = Path.of("src/test/resources/ignore-files/broken.trivyignore.yaml");
        String at = file + ": vulnerabilities";

        assertThat(IgnoreFile.problems(file, TODAY)).containsExactly(
                at + "[0] CVE-2026-0001: no statement: say why the finding is ignored",
                at + "[1] CVE-2026-0002: no expired_at: an ignore needs an end date (YYYY-MM-DD)",
                at + "[2] CVE-2026-0003: expired on 2026-11-01: fix the finding or renew the ignore with a new reason",
                at + "[3] CVE-2026-0004: unknown key 'expires_at' (Trivy would ignore it)",
                at + "[3] CVE-2026-0004: no expired_at: an ignore needs an end date (YYYY-MM-DD)",
                at + "[4] CVE-2026-0005: expired_at 2028-01-01 is more than 180 days away",
                at + "[5] no id",
                at + "[6] CVE-2026-0006: expired_at 'next month' is not a date (YYYY-MM-DD)",
                file + ": unknown section 'vulnerabilites' (Trivy reads licenses, misconfigurations, secrets, vulnerabilities)");
    }

    @Test
    void anEntryExpiresOnItsDate() {
        Path file = Path.of("src/test/resources/ignore-files/broken.trivyignore.yaml");
        assertThat(IgnoreFile.problems(file, LocalDate.of(2026, 10, 31)))
                .noneMatch(problem -> problem.contains("CVE-2026-0003"));
    }
}
