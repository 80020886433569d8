package io.jcoro.tests.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.sched.CancelScope;
import io.jcoro.sched.Channel;
import io.jcoro.sched.ChannelClosed;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Select;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.Task;
import io.jcoro.sched.TaskTimeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A select performs exactly one of its cases: the first ready, or the first to become ready;
 * the others are withdrawn and never happen, also when a deadline ends the wait.
 */
@Timeout(30)
class SelectTest {
    final List<String> log = new ArrayList<>();
    final List<Task> failed = new ArrayList<>();
    final Scheduler sched = new Scheduler().onFailure(failed::add);

    @Test
    void theFirstChannelToDeliverWinsAndTheOtherCaseIsWithdrawn() {
        Channel<String> a = new Channel<>("a", 0);
        Channel<String> b = new Channel<>("b", 0);
        sched.spawn(() -> {
            Select.Result r = new Select().receive(a).receive(b).await();
            log.add("select: case " + r.index() + " " + r.value(String.class) + " from " + r.channel().name());
        });
        sched.spawn(() -> {
            Syscalls.sleep(10);
            b.send("from b");
            log.add("b sent");
            // the select's case on a is withdrawn: this send must wait for a real receiver
            boolean taken = a.trySend("from a");
            log.add("a taken by the finished select: " + taken);
        });
        sched.run();
        assertEquals(List.of("select: case 1 from b from b", "b sent", "a taken by the finished select: false"), log);
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void aReadyCaseCompletesAtOnceTheFirstListedFirst() {
        Channel<String> a = new Channel<>("a", 1);
        Channel<String> b = new Channel<>("b", 1);
        Channel<String> out = new Channel<>("out", 1);
        sched.spawn(() -> {
            a.send("A");
            b.send("B");
            Select s = new Select().receive(a).receive(b);
            log.add("1st " + s.await().value());
            log.add("2nd " + s.await().value());
            Select.Result sent = new Select().send(out, "O").receive(a).await();
            log.add("send case " + sent.index() + ", out holds " + out.tryReceive());
            assertNull(new Select().receive(a).poll(), "nothing is ready: poll does not wait");
        });
        sched.run();
        assertEquals(List.of("1st A", "2nd B", "send case 0, out holds O"), log);
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void aClosedChannelIsAnEndCaseForReceiveAndAnErrorForSend() {
        Channel<String> closed = new Channel<>("closed", 1);
        Channel<String> never = new Channel<>("never", 0);
        closed.close();
        sched.spawn(() -> {
            Select.Result r = new Select().receive(never).receive(closed).await();
            log.add("case " + r.index() + " end " + r.isEnd());
            assertThrows(ChannelClosed.class, () -> new Select().send(closed, "x").poll());
        });
        sched.run();
        assertEquals(List.of("case 1 end true"), log);
        assertTrue(failed.isEmpty(), () -> failed.toString());
    }

    @Test
    void aDeadlineWithdrawsEveryCaseNothingIsSentOrReceived() {
        Channel<String> in = new Channel<>("in", 0);
        Channel<String> out = new Channel<>("out", 0);
        sched.spawn(() -> {
            try (CancelScope deadline = CancelScope.failAfter(Duration.ofMillis(20))) {
                new Select().receive(in).send(out, "never sent").await();
                log.add("a case happened?!");
            } catch (TaskTimeout e) {
                log.add("timed out");
            }
        });
        sched.spawn(() -> {
            Syscalls.sleep(50);
            log.add("in taken: " + in.trySend("x") + ", out offers: " + out.tryReceive());
        });
        sched.run();
        assertEquals(List.of("timed out", "in taken: false, out offers: null"), log);
    }

    @Test
    void aSelectWaitingToSendCompletesWhenAReceiverComes() {
        Channel<String> out = new Channel<>("out", 0);
        Channel<String> quit = new Channel<>("quit", 0);
        sched.spawn(() -> {
            Select.Result r = new Select().send(out, "hello").receive(quit).await();
            log.add("select case " + r.index());
        });
        sched.spawn(() -> {
            Syscalls.sleep(10);
            log.add("received " + out.receive());
        });
        sched.run();
        assertEquals(List.of("received hello", "select case 0"), log.stream().sorted().toList());
    }
}
