package io.jcoro.tests.bridge;

import io.jcoro.bridge.ChildJvm;
import io.jcoro.bridge.StandardInput;
import io.jcoro.sched.Scheduler;
import io.jcoro.sched.Syscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;

/**
 * A child JVM for {@link SubprocessTest}, portable where {@code cat} and {@code sh} are not:
 * <ul>
 *   <li>{@code cat}: copies its input to its output as it comes, until the end of input;
 *   <li>{@code exit N}: prints a line on each of its outputs and exits with status N;
 *   <li>{@code tree}: starts a grandchild ({@code cat}) that shares its standard output, prints
 *       the grandchild's pid, and waits for the end of its input;
 *   <li>{@code stdin}: a scheduler whose task reads this JVM's standard input with
 *       {@link StandardInput} while a ticker task runs (the protocol is in {@link #stdin()}).
 * </ul>
 */
public final class PipeChild {
    private PipeChild() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "cat" -> cat(System.in, System.out);
            case "exit" -> {
                System.out.println("out");
                System.err.println("err");
                System.exit(Integer.parseInt(args[1]));
            }
            case "tree" -> {
                Process grandchild = ChildJvm.command(PipeChild.class, "cat").redirectOutput(Redirect.INHERIT).start();
                System.out.println(grandchild.pid());
                cat(System.in, OutputStream.nullOutputStream());
            }
            case "stdin" -> stdin();
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void cat(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16384];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    /**
     * First a read with a 100 ms deadline, which finds no input ("no input yet": the parent sends
     * nothing before it sees this); then each line is printed back ("line: X"), and while the reader
     * waits for the next one the ticker runs and says so once ("ticked while waiting"); at the end
     * of input "eof", and the scheduler ends.
     */
    private static void stdin() {
        int[] sinceLine = {-1}; // ticks since the last line; -1 before the first
        boolean[] done = {false};
        Scheduler sched = new Scheduler();
        sched.spawn(() -> {
            String[] first = new String[1];
            if (!Syscalls.moveOnAfter(Duration.ofMillis(100), () -> first[0] = StandardInput.readLine())) {
                System.out.println("no input yet");
            } else {
                System.out.println("line: " + first[0]); // the parent broke the protocol: let it see so
            }
            for (String line; (line = StandardInput.readLine()) != null; ) {
                System.out.println("line: " + line);
                sinceLine[0] = 0;
            }
            System.out.println("eof");
            done[0] = true;
        });
        sched.spawn(() -> {
            while (!done[0]) {
                Syscalls.sleep(1);
                if (sinceLine[0] >= 0 && ++sinceLine[0] == 3) {
                    System.out.println("ticked while waiting");
                }
            }
        });
        sched.run();
    }
}
