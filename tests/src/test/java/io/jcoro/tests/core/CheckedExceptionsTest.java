package io.jcoro.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.core.Sink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Checked exceptions: a body may throw them, and they come out of next/send/throwIn/close
 * unchanged, never wrapped, as in Python; a body can catch one thrown in by its type.
 */
class CheckedExceptionsTest {

    /** Ordinary I/O code as a coroutine: declares what it throws. */
    @Coroutine
    static void lines(BufferedReader reader) throws IOException {
        for (String line; (line = reader.readLine()) != null; ) {
            Co.yield(line);
        }
        throw new IOException("end of input");
    }

    @Test
    void aBodyThrowsACheckedExceptionUnchanged() {
        Generator<String> g = Generator.of(() -> lines(new BufferedReader(new StringReader("a\nb"))));
        assertEquals("a", g.next());
        assertEquals("b", g.next());
        IOException e = assertThrows(IOException.class, g::next);
        assertEquals("end of input", e.getMessage());
        assertEquals(null, e.getCause());
        assertTrue(g.isDone());
    }

    @Test
    void aValueReturningBodyToo() {
        SQLException failure = new SQLException("no table");
        Generator<String> g = Generator.returning(() -> {
            Co.yield("query");
            if (failure != null) {
                throw failure;
            }
            return 1;
        });
        g.next();
        assertSame(failure, assertThrows(SQLException.class, g::next));
    }

    @Test
    void fromSendThrowInAndClose() {
        TimeoutException timeout = new TimeoutException("slow");
        Generator<String> viaSend = Generator.of(() -> {
            if (Co.yield("a") != null) {
                throw timeout;
            }
        });
        viaSend.next();
        assertSame(timeout, assertThrows(TimeoutException.class, () -> viaSend.send("go")));

        IOException rethrown = new IOException("translated");
        Generator<String> viaThrowIn = Generator.of(() -> {
            try {
                Co.yield("a");
            } catch (IllegalStateException e) {
                throw rethrown;
            }
        });
        viaThrowIn.next();
        assertSame(rethrown, assertThrows(IOException.class,
                () -> viaThrowIn.throwIn(new IllegalStateException("x"))));

        IOException onClose = new IOException("flush failed");
        Generator<String> viaClose = Generator.of(() -> {
            try {
                Co.yield("a");
            } finally {
                throw onClose;
            }
        });
        viaClose.next();
        assertSame(onClose, assertThrows(IOException.class, viaClose::close));
    }

    @Test
    void aCheckedExceptionThrownInPassesThroughUnchanged() {
        Generator<String> g = Generator.of(() -> Co.yield("a"));
        g.next();
        IOException thrown = new IOException("in");
        assertSame(thrown, assertThrows(IOException.class, () -> g.throwIn(thrown)));
    }

    @Test
    void mayThrowLetsTheBodyCatchItByItsType() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.of(() -> {
            while (true) {
                try {
                    Co.mayThrow(IOException.class);
                    log.add("got " + Co.receive());
                } catch (IOException e) { // javac refuses this without the mayThrow
                    log.add("handled " + e.getMessage());
                }
            }
        });
        g.next();
        g.send("x");
        assertEquals(null, g.throwIn(new IOException("disk")), "handled, and receiving again");
        g.send("y");
        SQLException other = new SQLException("not handled");
        assertSame(other, assertThrows(SQLException.class, () -> g.throwIn(other)));
        assertEquals(List.of("got x", "handled disk", "got y"), log);
    }

    /** Declares no exception: javac's precise rethrow lets the others pass undeclared. */
    @Coroutine
    static void handlesIoOnly(List<String> log) {
        while (true) {
            try {
                Co.yield("waiting");
            } catch (Exception e) {
                if (!(e instanceof IOException io)) {
                    throw e;
                }
                log.add("handled " + io.getMessage());
            }
        }
    }

    @Test
    void theIdiomWithoutItCatchesExceptionAndRethrowsTheRest() {
        List<String> log = new ArrayList<>();
        Generator<String> g = Generator.of(() -> handlesIoOnly(log));
        g.next();
        assertEquals("waiting", g.throwIn(new IOException("disk")));
        SQLException other = new SQLException("passes");
        assertSame(other, assertThrows(SQLException.class, () -> g.throwIn(other)));
        assertEquals(List.of("handled disk"), log);
    }

    @Test
    void mayThrowAlsoLetsTheCallerCatchWhatNextThrows() {
        Generator<String> g = Generator.of(() -> {
            throw new IOException("from the body");
        });
        String caught;
        try {
            Co.mayThrow(IOException.class);
            g.next();
            caught = "nothing";
        } catch (IOException e) {
            caught = e.getMessage();
        }
        assertEquals("from the body", caught);
    }

    @Test
    void aSinkBodyToo() {
        Sink<String> sink = Sink.of(() -> {
            while (true) {
                String item = Co.receive();
                if (item.isEmpty()) {
                    throw new IOException("empty item");
                }
            }
        });
        sink.send("ok");
        IOException e = assertThrows(IOException.class, () -> sink.send(""));
        assertEquals("empty item", e.getMessage());
        assertTrue(sink.isClosed());
    }
}
