package io.jcoro.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The numbering of frame labels that captures store beside their resume index. */
class FrameLabelsTest {
    @Test
    void anEqualLabelGetsTheSameIdAndAnotherLabelAnother() {
        int a = FrameLabels.register("1 0 7 t.A/run/A.java");
        assertEquals(a, FrameLabels.register(new String("1 0 7 t.A/run/A.java")));
        int b = FrameLabels.register("1 0 8 t.A/run/A.java");
        assertNotEquals(a, b);
        assertTrue(a > 0 && b > 0, "0 means no label");
        assertEquals("1 0 7 t.A/run/A.java", FrameLabels.label(a));
        assertEquals("1 0 8 t.A/run/A.java", FrameLabels.label(b));
    }

    @Test
    void theTableGrowsAndKeepsEveryLabel() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(FrameLabels.register("2 1 " + i + " t.Grow/step/Grow.java"));
        }
        for (int i = 0; i < 500; i++) {
            assertEquals("2 1 " + i + " t.Grow/step/Grow.java", FrameLabels.label(ids.get(i)));
        }
        assertEquals(500, new HashSet<>(ids).size());
    }

    @Test
    void anIdNoLabelHasReadsAsNone() {
        assertNull(FrameLabels.label(0));
        assertNull(FrameLabels.label(-1));
        assertNull(FrameLabels.label(Integer.MAX_VALUE));
    }

    @Test
    void threadsRegisteringTheSameLabelsAgreeOnTheirIds() throws InterruptedException {
        ConcurrentHashMap<String, Integer> seen = new ConcurrentHashMap<>();
        List<String> disagreements = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 300; i++) {
                        String label = "1 0 " + i + " t.Race/run/Race.java";
                        Integer first = seen.putIfAbsent(label, FrameLabels.register(label));
                        if (first != null && first != FrameLabels.register(label)) {
                            synchronized (disagreements) {
                                disagreements.add(label);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        start.countDown();
        assertTrue(done.await(30, TimeUnit.SECONDS), "the registering threads finish");
        assertEquals(List.of(), disagreements);
        seen.forEach((label, id) -> assertEquals(label, FrameLabels.label(id)));
    }
}
