package io.jcoro.tests.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.tests.SampleTranscript;
import org.junit.jupiter.api.Test;

/** The course's Part 1 programs print what the course shows. */
class Part1TranscriptsTest {

    static String run(String sample, String... args) throws Exception {
        return SampleTranscript.run(sample, args);
    }

    @Test
    void countdown() throws Exception {
        assertEquals("Counting down from 10\n10\n9\n8\n7\n6\n5\n4\n3\n2\n1\nDone counting down\n",
                run("countdown"));
    }

    @Test
    void grep() throws Exception {
        assertEquals("Looking for python\npython generators rock! ", run("grep"));
    }

    @Test
    void coroutineDecorator() throws Exception {
        assertEquals("Looking for python\npython generators rock! ", run("coroutine"));
    }

    @Test
    void grepclose() throws Exception {
        assertEquals("Looking for python\npython generators rock!\n Going away. Goodbye\n", run("grepclose"));
    }

    @Test
    void bogus() throws Exception {
        assertEquals("Counting down from 5\n5\n2\n1\n0\n", run("bogus"));
    }

    @Test
    void recursiveTreeTraversal() throws Exception {
        assertEquals("20 30 35 40 50 60 65 70 80\n", run("treewalk"));
    }

    @Test
    void permutations() throws Exception {
        assertEquals("[1, 2, 3]\n[1, 3, 2]\n[2, 1, 3]\n[2, 3, 1]\n[3, 2, 1]\n[3, 1, 2]\n", run("permutations"));
        String four = run("permutations", "4");
        assertEquals(24, four.lines().count());
        assertEquals(24, four.lines().distinct().count());
    }
}
