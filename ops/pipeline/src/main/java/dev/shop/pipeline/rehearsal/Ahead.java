package dev.shop.pipeline.rehearsal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work started now on a thread of its own and awaited where its result is needed, so that waiting
 * on I/O (a data store starting, an image pushed) overlaps a build. Its own thread: the common pool
 * has a single thread on two cores and may be busy.
 */
final class Ahead<T> {

    private final CompletableFuture<T> result;

    private Ahead(CompletableFuture<T> result) {
        this.result = result;
    }

    static <T> Ahead<T> start(String name, Supplier<T> work) {
        return new Ahead<>(CompletableFuture.supplyAsync(work, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** The work's result, or its failure as thrown by the work itself. */
    T await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
