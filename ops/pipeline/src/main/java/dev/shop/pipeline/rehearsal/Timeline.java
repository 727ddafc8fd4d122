package dev.shop.pipeline.rehearsal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** How long each step of the rehearsal took, printed as it goes and summed at the end. */
final class Timeline {

    record Step(String name, Duration took) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final long start = System.nanoTime();

    <T> T step(String name, Supplier<T> work) {
        System.out.println("==> " + name);
        long begin = System.nanoTime();
        boolean done = false;
        try {
            T result = work.get();
            done = true;
            return result;
        } finally {
            // a step that failed is in the table too, so a run that stops shows where its time went
            String label = done ? name : name + " (failed)";
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            steps.add(new Step(label, took));
            System.out.printf("    %s: %.1f s%n", label, took.toMillis() / 1000.0);
        }
    }

    void step(String name, Runnable work) {
        step(name, () -> {
            work.run();
            return null;
        });
    }

    /** Runs a part of a step and prints how long it took, so the log shows where a step's time went. */
    static <T> T part(String name, Supplier<T> work) {
        long begin = System.nanoTime();
        try {
            return work.get();
        } finally {
            System.out.printf("    (%s: %.1f s)%n", name, (System.nanoTime() - begin) / 1e9);
        }
    }

    Duration total() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        steps.forEach(step -> text.append(String.format("  %-52s %7.1f s%n", step.name(), step.took().toMillis() / 1000.0)));
        text.append(String.format("  %-52s %7.1f s%n", "total", total().toMillis() / 1000.0));
        return text.toString();
    }
}
