package io.jcoro.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The fuzzer sets aside programs javac itself fails on, and only those. */
class JavacFaultTest {

    @Test
    void javacsInternalErrorIsItsFault() {
        // What javac 17 printed for the program of seed 9100004661 (grammar before issue 10).
        String said = "/fz/P46hwoj9.java:153: error: Internal error: stack sim error on m0(int,Color,float)\n"
                + "    int[] m0(int d, Color p0, float p1) {\n"
                + "                                        ^\n"
                + "1 error\n";
        assertEquals("javac's internal error (/fz/P46hwoj9.java:153: error: Internal error: stack sim error on"
                + " m0(int,Color,float))", DifferentialFuzzer.javacFault(said));
    }

    @Test
    void javacsCrashIsItsFault() {
        assertEquals("javac crashed", DifferentialFuzzer.javacFault(
                "An exception has occurred in the compiler (17.0.9). Please file a bug..."));
    }

    @Test
    void aRejectedProgramIsTheGeneratorsFault() {
        assertNull(DifferentialFuzzer.javacFault(
                "/fz/P1y.java:266: error: incompatible types: short cannot be converted to Integer\n1 error\n"));
    }
}
