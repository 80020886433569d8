package io.jcoro.samples.pipelines;

import io.jcoro.core.Co;
import io.jcoro.core.Sink;
import io.jcoro.flow.Filters;
import io.jcoro.flow.Follow;
import io.jcoro.flow.Sources;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One consumer type: the course's {@code @coroutine printer()}, written as a core
 * {@code Sink.of}, goes straight into {@code Follow.sendTo}, {@code Sources} and {@code Filters},
 * as a {@code Stage} or a plain lambda does ({@code Target.of} adapts it). Shared by two greps
 * (fan-in), it is closed once, after both.
 */
public final class OneType {
    private OneType() {
    }

    static Sink<String> printer(PrintStream out, String name) {
        return Sink.of(() -> {
            try {
                while (true) {
                    String line = Co.receive();
                    out.println(name + ": " + line);
                }
            } finally {
                out.println(name + ": closed");
            }
        });
    }

    /** @param args nothing */
    public static void run(PrintStream out, String... args) throws IOException {
        Path log = Files.createTempFile("jcoro-onetype", ".log");
        try {
            Files.writeString(log, "GET /python.html\nGET /perl.html\nGET /swig.html\n");
            out.println("== Follow.sendTo(grep(python, a Sink.of printer)) ==");
            Follow.follow(log).fromStart().untilEndOfInput().sendTo(Filters.grep("python", printer(out, "printer")));
            out.println("== Sources.feed(list, a Sink.of printer) ==");
            Sources.feed(List.of("one", "two"), printer(out, "printer"));
            out.println("== two greps share one Sink.of printer (fan-in) ==");
            Sink<String> shared = printer(out, "shared");
            Sources.lines(log, Filters.broadcast(Filters.grep("python", shared), Filters.grep("swig", shared)));
            out.println("== and a lambda ==");
            Sources.lines(log, Filters.grep("perl", line -> out.println("lambda: " + line)));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    public static void main(String[] args) throws IOException {
        run(System.out, args);
    }
}
