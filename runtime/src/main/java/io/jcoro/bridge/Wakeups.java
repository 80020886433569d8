package io.jcoro.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The readers (or writers) waiting for a pipe's thread: one future each, which the thread
 * completes when something changes. A waiter that gives up (a deadline, a cancellation) removes
 * its own future, so a task that polls a silent pipe with short deadlines leaves nothing behind
 * (one future shared by every wait would collect a callback per wait until the pipe spoke).
 * Not thread-safe: its owner calls it under the lock that guards what the waiters test, so that
 * no wake-up falls between a test and the registration.
 */
final class Wakeups {
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>(1);

    /** @return a new future to await, completed by the next {@link #takeAll()}'s caller */
    CompletableFuture<Void> add() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.add(f);
        return f;
    }

    /** @param f a future of {@link #add()} that is no longer awaited (already taken: nothing to do) */
    void remove(CompletableFuture<Void> f) {
        waiting.remove(f);
    }

    /** @return the futures to complete, outside the owner's lock (completing runs the waiters' wake-ups), or null */
    List<CompletableFuture<Void>> takeAll() {
        if (waiting.isEmpty()) {
            return null;
        }
        List<CompletableFuture<Void>> all = new ArrayList<>(waiting);
        waiting.clear();
        return all;
    }

    /** @param taken what {@link #takeAll()} returned */
    static void wake(List<CompletableFuture<Void>> taken) {
        if (taken != null) {
            taken.forEach(f -> f.complete(null));
        }
    }
}
