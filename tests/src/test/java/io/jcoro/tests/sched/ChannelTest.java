package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Channel;
import io.jcoro.sched.ChannelClosed;
import io.jcoro.sched.EndOfChannel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.SystemCall;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskTimeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Channels between tasks: order, back-pressure, rendezvous, close (drain, then the end; senders
 * refused), and waiters that are cancelled, time out or are killed, after which the channel is
 * consistent: no item lost, none delivered to a task that no longer waits, none twice.
 */
@Timeout(30)
class ChannelTest {
    final List<String> log = new ArrayList<>();
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Test
    void aBoundedChannelKeepsOrderAndSuspendsTheSenderWhenFull() {
        Channel<Integer> ch = new Channel<>("numbers", 3);
        List<Integer> got = new ArrayList<>();
        int[] maxSize = {0};
        sched.spawn(() -> {
            for (int i = 0; i < 100; i++) {
                ch.send(i);
                maxSize[0] = Math.max(maxSize[0], ch.size());
            }
            ch.close();
        });
        sched.spawn(() -> {
            for (Integer x; (x = ch.receiveOrNull()) != null; ) {
                got.add(x);
                maxSize[0] = Math.max(maxSize[0], ch.size());
            }
        });
        sched.run();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, got);
        assertTrue(maxSize[0] <= 3, "never more than the capacity waits: " + maxSize[0]);
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void aRendezvousSendReturnsOnlyOnceTheReceiverHasTheItem() {
        Channel<String> ch = new Channel<>("hand", 0);
        sched.spawn(() -> {
            log.add("send a");
            ch.send("a");
            log.add("sent a");
        });
        sched.spawn(() -> {
            Syscalls.sleep(20);           // the sender waits all that time
            log.add("receiving");
            log.add("got " + ch.receive());
        });
        sched.run();
        assertEquals(List.of("send a", "receiving"), log.subList(0, 2), "the send waits for the receiver");
        assertTrue(log.containsAll(List.of("got a", "sent a")) && log.size() == 4, log::toString);
        assertFalse(ch.trySend("b"), "nobody receives: a rendezvous cannot take it");
    }

    @Test
    void closeLetsReceiversDrainThenEndsAndRefusesSenders() {
        Channel<String> ch = new Channel<>("jobs", 5);
        List<String> sender = new ArrayList<>();
        sched.spawn(() -> {
            ch.send("x");
            ch.send("y");
            ch.close();
            try {
                ch.send("z");
            } catch (ChannelClosed e) {
                sender.add("refused: " + e.getMessage());
            }
        });
        sched.spawn(() -> {
            log.add("got " + ch.receive());
            log.add("got " + ch.receive());
            try {
                ch.receive();
            } catch (EndOfChannel e) {
                log.add("end");
            }
            assertNull(ch.receiveOrNull());
        });
        sched.run();
        assertEquals(List.of("refused: send on channel 'jobs', which is closed"), sender);
        assertEquals(List.of("got x", "got y", "end"), log);
        assertTrue(ch.isDrained());
    }

    @Test
    void aSenderWaitingWhenTheChannelClosesIsToldItsItemWasNotDelivered() {
        Channel<String> ch = new Channel<>("full", 1);
        sched.spawn(() -> {
            ch.send("kept");
            try {
                ch.send("refused");        // waits: the channel is full
            } catch (ChannelClosed e) {
                log.add("sender: " + e.getMessage());
            }
        });
        sched.spawn(() -> {
            Syscalls.sleep(10);
            ch.close();
            log.add("receiver: " + ch.receive());
            log.add("receiver: " + ch.receiveOrNull());
        });
        sched.run();
        assertEquals(List.of("sender: send on channel 'full', which is closed", "receiver: kept", "receiver: null"), log);
    }

    @Test
    void aReceiverThatTimesOutTakesNothingAndTheNextReceiverGetsTheItem() {
        Channel<String> ch = new Channel<>("late", 0);
        sched.spawn(() -> {
            try (CancelScope deadline = CancelScope.failAfter(Duration.ofMillis(20))) {
                ch.receive();
                log.add("impatient got something");
            } catch (TaskTimeout e) {
                log.add("impatient timed out");
            }
        });
        sched.spawn(() -> {
            Syscalls.sleep(60);
            log.add("patient got " + ch.receive());
        });
        sched.spawn(() -> {
            Syscalls.sleep(40);               // after the first receiver gave up
            ch.send("item");
            log.add("sent");
        });
        sched.run();
        assertEquals("impatient timed out", log.get(0));
        assertEquals(List.of("impatient timed out", "patient got item", "sent"), log.stream().sorted().toList());
    }

    @Test
    void aCancelledSendersItemIsNeverDelivered() {
        Channel<String> ch = new Channel<>("c", 0);
        Task cancelled = sched.spawn(() -> {
            try {
                ch.send("from the cancelled sender");
                log.add("delivered?!");
            } finally {
                log.add("cancelled sender cleaned up");
            }
        });
        sched.spawn(() -> ch.send("from the live sender"));
        sched.spawn(() -> {
            Syscalls.cancelTask(cancelled.id());
            log.add("got " + ch.receive());
            assertNull(ch.tryReceive(), "nothing else is there");
        });
        sched.run();
        assertEquals(List.of("cancelled sender cleaned up", "got from the live sender"), log);
        assertTrue(cancelled.isCancelled());
    }

    @Test
    void anItemHandedToAReceiverKilledBeforeItRanGoesBackToTheChannel() {
        Channel<String> ch = new Channel<>("k", 0);
        Task victim = sched.spawn(() -> {
            log.add("victim got " + ch.receive());
        });
        sched.spawn(() -> {
            Syscalls.sleep(10);                                    // the victim waits in receive
            Co.yield((SystemCall) (k, me) -> {
                log.add("handed: " + ch.trySend("precious"));      // the victim is handed it...
                k.kill(victim.id());                               // ...and killed before it runs
                k.resume(me, null);
            });
            log.add("survivor got " + ch.receive());
        });
        sched.run();
        assertEquals(List.of("handed: true", "survivor got precious"), log);
        assertEquals(Task.State.KILLED, victim.state());
    }

    @Test
    void manyProducersAndConsumersLoseNothingAndDuplicateNothing() {
        Channel<Integer> ch = new Channel<>("work", 2);
        List<Integer> got = new ArrayList<>();
        int producers = 5;
        int each = 200;
        int[] done = {0};
        for (int p = 0; p < producers; p++) {
            int base = p * each;
            sched.spawn(() -> {
                for (int i = 0; i < each; i++) {
                    ch.send(base + i);
                    if (i % 7 == 0) {
                        Syscalls.sleep(0);
                    }
                }
                if (++done[0] == producers) {
                    ch.close();
                }
            });
        }
        for (int c = 0; c < 3; c++) {
            sched.spawn(() -> {
                for (Integer x; (x = ch.receiveOrNull()) != null; ) {
                    got.add(x);
                }
            });
        }
        sched.run();
        assertEquals(producers * each, got.size());
        assertEquals(producers * each, got.stream().distinct().count());
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void receiveOnAClosedChannelOutsideWaitersThrowsInTheTask() {
        Channel<String> ch = new Channel<>("empty", 1);
        ch.close();
        Task t = sched.spawn(() -> ch.receive());
        sched.run();
        assertInstanceOf(EndOfChannel.class, t.failure());
    }
}
