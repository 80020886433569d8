package io.jcoro.tests.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.core.Co;
import io.jcoro.core.Coroutine;
import io.jcoro.core.Generator;
import io.jcoro.tests.Drain;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Locals of every type survive suspensions exactly, bit for bit. */
class ValueTypesTest {

    @Coroutine
    static String everyType(int i, long l, float f, double d, byte b, char c, short s, boolean z,
                            int[] ints, String[][] grid, Object ref, Object nothing) {
        for (int round = 0; round < 3; round++) {
            Co.yield(round);
            i++;
            l += Long.MAX_VALUE / 4;
            f *= 2;
            d -= 0.25;
            b++;
            c++;
            s--;
            z = !z;
            ints[round]++;
        }
        return i + "," + l + "," + f + "," + d + "," + b + "," + c + "," + s + "," + z + ","
                + Arrays.toString(ints) + "," + Arrays.deepToString(grid) + "," + ref + "," + nothing;
    }

    @Test
    void allPrimitiveKindsArraysReferencesAndNull() {
        Generator<Object> g = Generator.returning(() -> everyType(Integer.MIN_VALUE, Long.MIN_VALUE, 1.5f,
                -0.0, Byte.MAX_VALUE, 'a', Short.MIN_VALUE, false, new int[] {1, 2, 3},
                new String[][] {{"a"}, {"b", "c"}}, List.of("r"), null));
        assertEquals(List.of(0, 1, 2), Drain.all(g));
        String expected = (Integer.MIN_VALUE + 3) + "," + (Long.MIN_VALUE + 3 * (Long.MAX_VALUE / 4)) + ","
                + 12.0f + "," + -0.75 + "," + (byte) (Byte.MAX_VALUE + 3) + "," + 'd' + ","
                + (short) (Short.MIN_VALUE - 3) + "," + true + ",[2, 3, 4],[[a], [b, c]],[r],null";
        assertEquals(expected, g.returnValue());
    }

    @Coroutine
    static String specialFloats() {
        float nanF = Float.intBitsToFloat(0x7fc00001);
        double nanD = Double.longBitsToDouble(0x7ff8000000000001L);
        float negZero = -0.0f;
        double inf = Double.NEGATIVE_INFINITY;
        Co.yield("suspend");
        return Integer.toHexString(Float.floatToRawIntBits(nanF)) + " "
                + Long.toHexString(Double.doubleToRawLongBits(nanD)) + " "
                + Integer.toHexString(Float.floatToRawIntBits(negZero)) + " " + inf;
    }

    @Test
    void nanPayloadsAndNegativeZeroKeepTheirBits() {
        Generator<Object> g = Generator.returning(ValueTypesTest::specialFloats);
        Drain.all(g);
        assertEquals("7fc00001 7ff8000000000001 80000000 -Infinity", g.returnValue());
    }

    @Coroutine
    static String nullsAndNarrowTypes() {
        String maybe = null;
        Object alsoNull = null;
        char ch = '\uffff';
        byte neg = -128;
        Co.yield(1);
        maybe = maybe == null ? "was null" : maybe;
        Co.yield(2);
        return maybe + " " + alsoNull + " " + (int) ch + " " + neg;
    }

    @Test
    void nullLocalsAndNarrowIntegralTypes() {
        Generator<Object> g = Generator.returning(ValueTypesTest::nullsAndNarrowTypes);
        Drain.all(g);
        assertEquals("was null null 65535 -128", g.returnValue());
    }
}
