package io.jcoro.samples.tasks;

import io.jcoro.core.Coroutine;
import io.jcoro.sched.Channel;
import io.jcoro.sched.Event;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Select;
import io.jcoro.sched.Semaphore;
import io.jcoro.sched.Syscalls;
import io.jcoro.sched.TaskGroup;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tasks that talk: a producer feeds jobs into a bounded channel, workers take them (at most two at
 * a "database" at once, through a semaphore) and send results into a second channel, a collector
 * selects between results and a control channel, and an event starts everyone at once. Closing a
 * channel is how the end travels: the workers drain the jobs, then the results channel closes.
 */
public final class Channels {
    private Channels() {
    }

    @Coroutine
    static void worker(String name, Channel<Integer> jobs, Channel<String> results, Semaphore db, int[] atDb) {
        for (Integer job; (job = jobs.receiveOrNull()) != null; ) {
            db.acquire();
            try {
                atDb[1] = Math.max(atDb[1], ++atDb[0]);
                Syscalls.sleep(2);                               // the query
            } finally {
                atDb[0]--;
                db.release();
            }
            results.send("job " + job + " squared is " + job * job + " (" + name + ")");
        }
    }

    /** @param args optional: how many jobs (default 8) */
    public static void run(PrintStream out, String... args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Channel<Integer> jobs = new Channel<>("jobs", 2);
        Channel<String> results = new Channel<>("results", 0);   // a rendezvous
        Channel<String> control = new Channel<>("control", 1);
        Event go = new Event("go");
        Semaphore db = new Semaphore("db", 2);
        int[] atDb = {0, 0};
        List<String> collected = new ArrayList<>();
        Scheduler sched = new Scheduler();
        sched.spawn(() -> {
            go.await();
            for (int i = 1; i <= n; i++) {
                jobs.send(i);                                    // waits while two are queued
            }
            jobs.close();                                        // the workers drain, then stop
        });
        sched.spawn(() -> {
            go.await();
            TaskGroup.run(group -> {
                for (String name : List.of("ann", "bob", "cy")) {
                    group.spawn(() -> worker(name, jobs, results, db, atDb));
                }
            });
            results.close();                                     // every worker has ended
            control.send("workers done");
        });
        sched.spawn(() -> {
            go.await();
            Select select = new Select().receive(results).receive(control);
            while (true) {
                Select.Result r = select.await();
                if (r.index() == 0 && !r.isEnd()) {
                    collected.add(r.value(String.class));
                    continue;
                }
                // control spoke, or results ended: a closed channel stays ready in a select (and,
                // listed first, would win every time), so stop selecting on it
                Object said = r.index() == 1 ? r.value() : control.receive();
                out.println("collector: control says '" + said + "'");
                break;
            }
        });
        sched.spawn(() -> {
            out.println("starter: " + go.waiting() + " tasks wait for the event");
            go.set();
        });
        sched.run();
        Collections.sort(collected, (a, b) -> Integer.compare(jobNumber(a), jobNumber(b)));
        for (String line : collected) {
            out.println(line.replaceAll(" \\((ann|bob|cy)\\)", ""));
        }
        out.println(collected.size() + " results; at most " + atDb[1] + " workers at the database at once");
    }

    private static int jobNumber(String line) {
        return Integer.parseInt(line.split(" ")[1]);
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
