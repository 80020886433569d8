package io.jcoro.samples.tasks;

import io.jcoro.bridge.ChildJvm;
import io.jcoro.bridge.StandardInput;
import io.jcoro.bridge.Subprocess;
import io.jcoro.sched.Channel;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tasks that talk to a subprocess: a producer sends words down a channel, a feeder writes them to
 * a child JVM that sorts its input ({@code sort}, portably), a reader prints the child's answer and
 * another its standard error, and a ticker counts its turns all along, which it could not if any
 * of them blocked the scheduler's thread on a pipe. With the argument {@code -}, the words are the
 * lines of this program's standard input, read by a task ({@code StandardInput.readLine}):
 * {@code printf 'pear\napple\n' | java -jar jcoro-samples.jar sortprocess -}.
 */
public final class SortProcess {
    private static final List<String> WORDS = List.of("pear", "fig", "apple", "quince", "banana", "cherry", "date");

    private SortProcess() {
    }

    /** @param args {@code -} to sort the lines of standard input instead of the built-in words */
    public static void run(PrintStream out, String... args) {
        boolean fromStdin = args.length > 0 && args[0].equals("-");
        Channel<String> words = new Channel<>("words", 2);
        boolean[] done = {false};
        int[] ticks = {0};
        Scheduler sched = new Scheduler();
        try (Subprocess sort = Subprocess.start(ChildJvm.command(Sort.class))) {
            sched.spawn(() -> {                                        // producer
                if (fromStdin) {
                    for (String line; (line = StandardInput.readLine()) != null; ) {
                        words.send(line);
                    }
                } else {
                    for (String w : WORDS) {
                        words.send(w);
                    }
                }
                words.close();
            });
            sched.spawn(() -> {                                        // feeder: channel -> child's stdin
                for (String w; (w = words.receiveOrNull()) != null; ) {
                    sort.send(w + "\n");                               // suspends while the pipe is full
                }
                sort.closeStdin();                                     // sort answers at the end of its input
            });
            sched.spawn(() -> {                                        // reader: child's stdout
                for (String line; (line = sort.readLine()) != null; ) {
                    out.println("sorted: " + line);
                }
                out.println("sort exited with status " + sort.waitFor());
                done[0] = true;
            });
            sched.spawn(() -> {                                        // the child's stderr, apart
                for (String line; (line = sort.stderr().readLine()) != null; ) {
                    out.println("sort says: " + line);
                }
            });
            sched.spawn(() -> {                                        // ticker
                while (!done[0]) {
                    ticks[0]++;
                    Syscalls.sleep(1);
                }
            });
            sched.run();
        }
        out.println("ticker: the scheduler kept running all along (" + (ticks[0] > 20 ? "many" : "few") + " turns)");
    }

    /** The child: Unix {@code sort}, in Java so that it runs wherever the samples run. */
    public static final class Sort {
        private Sort() {
        }

        public static void main(String[] args) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
            Collections.sort(lines);
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            lines.forEach(out::println);
            out.flush();
            System.err.println(lines.size() + " lines sorted");
        }
    }

    public static void main(String[] args) {
        run(System.out, args);
    }
}
