package dev.shop.benchmark;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessMemoryTest {

    @Test
    void readsVmRssInKib() {
        String status = """
                Name:\tjava
                VmPeak:\t 4123456 kB
                VmRSS:\t  187204 kB
                RssAnon:\t  150000 kB
                """;

        assertEquals(OptionalLong.of(187204), ProcessMemory.parseVmRss(status));
        assertEquals(OptionalLong.empty(), ProcessMemory.parseVmRss("Name:\tkthreadd\n"));
    }

    @Test
    void thisJvmUsesSomeMemoryAndAGoneProcessNone() {
        long kib = ProcessMemory.residentKib(ProcessHandle.current().pid()).orElseThrow();

        assertTrue(kib > 10_000, "a JVM holds more than 10 MiB resident, got " + kib + " KiB");
        assertTrue(ProcessMemory.residentKib(Long.MAX_VALUE).isEmpty());
    }
}
