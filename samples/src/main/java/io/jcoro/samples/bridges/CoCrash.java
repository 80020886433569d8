package io.jcoro.samples.bridges;

import static io.jcoro.bridge.Threaded.threaded;
import static io.jcoro.flow.Filters.broadcast;
import static io.jcoro.flow.Filters.grep;

import io.jcoro.core.Co;
import io.jcoro.core.GeneratorExit;
import io.jcoro.flow.Stage;
import io.jcoro.flow.StageException;
import io.jcoro.flow.Target;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * cocrash.py: two threads sending into the same coroutine. A coroutine runs on one thread at
 * a time; when the second thread's send arrives while the first is inside, the core refuses it
 * with "generator already executing" (no corruption), the stage that sent fails, and the error
 * reaches the main thread. Since it depends on timing it may not happen on every run ("adjust
 * the count"). The safe way: put the shared coroutine behind its own {@code threaded} queue,
 * so only one thread ever runs it. {@code cocrash [COUNT]}, default 10000.
 */
public final class CoCrash {
    private CoCrash() {
    }

    /**
     * The shared coroutine: it writes each line to a log (as the course's printer prints it),
     * counts the foo and bar lines, and reports the counts on close.
     */
    static Stage<String> tally(PrintStream out) {
        PrintStream log = new PrintStream(OutputStream.nullOutputStream(), true);
        return Stage.of("tally", () -> {
            int foo = 0;
            int bar = 0;
            try {
                while (true) {
                    String line = Co.receive();
                    log.println(line);
                    if (line.startsWith("foo")) {
                        foo++;
                    } else {
                        bar++;
                    }
                }
            } catch (GeneratorExit e) {
                out.println("  tally: " + foo + " foo, " + bar + " bar");
            }
        });
    }

    static void feed(Target<String> target, int count) {
        for (int i = 0; i < count; i++) {
            target.send("foo is nice");
            target.send("bar is bad");
        }
        target.close();
    }

    public static void run(PrintStream out, String... args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;

        out.println("unsafe: two threads send into one tally coroutine");
        Stage<String> p = tally(out);
        Target<String> target = broadcast(threaded(grep("foo", p)), threaded(grep("bar", p)));
        try {
            feed(target, count);
            out.println("  no crash this time; try a larger count");
        } catch (StageException e) {
            out.println("  crashed: " + e.getMessage());
        }

        out.println("safe: the tally has its own thread; the two threads send into its queue");
        Target<String> safe = threaded(tally(out));
        feed(broadcast(threaded(grep("foo", safe)), threaded(grep("bar", safe))), count);
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
