package dev.shop.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the resident memory of some processes twice a second and keeps the highest value of each. */
public final class MemorySampler implements AutoCloseable {

    private final Map<String, Long> pids;
    private final Map<String, Long> peakKib = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    public MemorySampler(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** The peaks since the last call, then starts over. */
    public synchronized Map<String, Long> takePeaksKib() {
        sample();
        Map<String, Long> peaks = new LinkedHashMap<>();
        pids.keySet().forEach(name -> peaks.put(name, peakKib.getOrDefault(name, 0L)));
        peakKib.clear();
        return peaks;
    }

    private void sample() {
        pids.forEach((name, pid) -> ProcessMemory.residentKib(pid)
                .ifPresent(kib -> peakKib.merge(name, kib, Math::max)));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
