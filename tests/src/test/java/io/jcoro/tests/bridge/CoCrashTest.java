package io.jcoro.tests.bridge;

import static io.jcoro.tests.SampleTranscript.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.bridge.Threaded;
import io.jcoro.core.Co;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Stage;
import io.jcoro.flow.StageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * cocrash: two threads sending into one coroutine get the core's "already executing" error,
 * never a corrupted coroutine; threaded is the safe way.
 */
@Timeout(30)
class CoCrashTest {

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondThreadIsRefusedAndTheStageIsLeftIntact() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        Stage<String> printer = Stage.of("printer", () -> {
            while (true) {
                String line = Co.receive();
                if (line.equals("slow")) {
                    inside.countDown();
                    await(leave);
                }
                got.add(line);
            }
        });
        Thread first = new Thread(() -> printer.send("slow"));
        first.start();
        inside.await();                               // the first thread is inside the coroutine
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> printer.send("fast"));
        assertEquals("generator already executing", e.getMessage());
        leave.countDown();
        first.join();
        printer.send("after");
        assertEquals(List.of("slow", "after"), got, "the refused send left no trace");
        printer.close();
    }

    @Test
    void throughAFilterTheRefusalFailsTheSendingStageByName() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Stage<String> printer = Stage.of("printer", () -> {
            while (true) {
                String line = Co.receive();
                if (line.startsWith("foo")) {
                    inside.countDown();
                    await(leave);
                }
            }
        });
        Stage<String> foo = Filters.grep("foo", printer);
        Stage<String> bar = Filters.grep("bar", printer);
        Thread first = new Thread(() -> foo.send("foo is nice"));
        first.start();
        inside.await();
        StageException e = assertThrows(StageException.class, () -> bar.send("bar is bad"));
        assertEquals("grep bar", e.stage());
        assertEquals("generator already executing", e.getCause().getMessage());
        assertTrue(bar.isClosed());
        leave.countDown();
        first.join();
        foo.send("foo again");                         // the printer and the other feeder go on
        foo.close();
        assertTrue(printer.isClosed(), "closed when its last live feeder closed");
    }

    @Test
    void theSafeWayPutsTheSharedCoroutineBehindItsOwnQueue() {
        List<String> got = new ArrayList<>();
        Threaded<String> printer = Threaded.threaded(Stage.of("printer", () -> {
            while (true) {
                String line = Co.receive();
                got.add(line);
            }
        }));
        Stage<String> head = Filters.broadcast(Threaded.threaded(Filters.grep("foo", printer)),
                Threaded.threaded(Filters.grep("bar", printer)));
        for (int i = 0; i < 2000; i++) {
            head.send("foo is nice");
            head.send("bar is bad");
        }
        head.close();
        assertEquals(2000, got.stream().filter(s -> s.startsWith("foo")).count());
        assertEquals(2000, got.stream().filter(s -> s.startsWith("bar")).count());
    }

    @Test
    void theSampleEitherCrashesCleanlyOrSaysItDidNotAndTheSafeWayCountsAll() throws Exception {
        List<String> lines = run("cocrash", "3000").lines().toList();
        assertEquals("unsafe: two threads send into one tally coroutine", lines.get(0));
        String verdict = lines.stream().filter(l -> l.startsWith("  crashed: ") || l.startsWith("  no crash"))
                .findFirst().orElseThrow();
        if (verdict.startsWith("  crashed: ")) {
            assertTrue(verdict.contains("IllegalStateException: generator already executing"), verdict);
            assertTrue(verdict.matches("  crashed: stage 'grep (foo|bar)' failed on .*"), verdict);
        } else {
            assertEquals("  no crash this time; try a larger count", verdict);
        }
        int safe = lines.indexOf("safe: the tally has its own thread; the two threads send into its queue");
        assertTrue(safe > 0, lines.toString());
        assertEquals(List.of("  tally: 3000 foo, 3000 bar"), lines.subList(safe + 1, lines.size()));
        assertInstanceOf(String.class, verdict);
    }
}
