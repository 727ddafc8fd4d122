package dev.shop.benchmark;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {

    @Test
    void readsTheFieldsAfterACommandHoldingSpacesAndParentheses() {
        String line = "4242 (postgres: a (b) c) S 4200 4242 4242 0 -1 4194560 100 0 0 0 "
                + "250 50 7 3 20 0 1 0 1000 100000 200 18446744073709551615";

        assertThat(ProcessCpu.parse(line)).hasValueSatisfying(stat -> {
            assertThat(stat.pid()).isEqualTo(4242);
            assertThat(stat.command()).isEqualTo("postgres: a (b) c");
            assertThat(stat.parentPid()).isEqualTo(4200);
            assertThat(stat.ownTicks()).isEqualTo(300);
            assertThat(stat.reapedChildTicks()).isEqualTo(10);
        });
    }

    @Test
    void refusesALineThatIsNotAStatLine() {
        assertThat(ProcessCpu.parse("no parentheses here")).isEmpty();
        assertThat(ProcessCpu.parse("12 (short) S 1 2")).isEmpty();
    }

    @Test
    void countsTheCpuOfAProcessAndItsChildren() throws Exception {
        // a shell whose child spins: the group's time must grow although the root itself only waits
        Process shell = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & wait").start();
        try {
            long child = awaitChild(shell.pid());
            Map<String, Long> before = ProcessCpu.millisByGroup(Map.of("tree", shell.pid()));
            long spent = spin(child);
            Map<String, Long> after = ProcessCpu.millisByGroup(Map.of("tree", shell.pid()));

            assertThat(after.get("tree") - before.get("tree")).isGreaterThanOrEqualTo(spent / 2);
            assertThat(ProcessCpu.millisByGroup(Map.of("gone", Long.MAX_VALUE))).containsEntry("gone", 0L);
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long awaitChild(long parent) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var child = ProcessCpu.findBelow(parent, command -> command.equals("sh"));
            if (child.isPresent()) {
                return child.getAsLong();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the spinning child did not start");
    }

    /** Waits until the spinning process has used at least 300 ms of CPU by its own count; returns that. */
    private static long spin(long pid) throws InterruptedException {
        long start = ProcessCpu.millisByGroup(Map.of("one", pid)).get("one");
        for (int i = 0; i < 200; i++) {
            long used = ProcessCpu.millisByGroup(Map.of("one", pid)).get("one") - start;
            if (used >= 300) {
                return used;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the spinning process used no CPU in 10 s");
    }
}
