package io.jcoro.tests.sched;

import static io.jcoro.tests.SampleTranscript.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** File 003's scheduler of its own, on generators: the transcript CPython 3.11 prints for it. */
class OsSchedulerTranscriptTest {

    @Test
    void printsWhatTheCourseProgramPrints() throws Exception {
        assertEquals("""
                I'm foo and I am living in 1 process
                Foo 1 is in 0 step
                I'm bar and I'm living in 2 process
                Foo 1 is in 1 step
                Bar 2 is in 0 step
                Foo 1 is in 2 step
                I'm foo and I am living in 3 process
                Foo 3 is in 0 step
                Bar 2 is in 1 step
                Foo 1 is in 3 step
                Foo 3 is in 1 step
                Bar 2 is in 2 step
                Foo 1 is in 4 step
                Foo 3 is in 2 step
                Task 1 terminated
                Foo 3 is in 3 step
                Task 2 terminated
                Foo 3 is in 4 step
                Task 3 terminated
                """, run("ossched"));
    }
}
