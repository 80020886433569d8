package io.jcoro.tests.sched;

import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Task;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * A fresh scheduler on two threads ({@link Scheduler#onThreads}) for each test, closed after it,
 * with the tasks that failed outside a group collected. Tasks spawned from outside go round robin:
 * the first to kernel 0 (the test's thread, in {@code run()}), the second to kernel 1, and so on;
 * the tests place their tasks by that order. Ordered by events, never by one timer beating another.
 */
@Timeout(60)
abstract class OnTwoKernels {
    final List<Task> failed = new CopyOnWriteArrayList<>();
    final Scheduler sched = Scheduler.onThreads(2).onFailure(failed::add);

    @AfterEach
    void close() {
        sched.close();
    }

    static String thread() {
        return Thread.currentThread().getName();
    }
}
