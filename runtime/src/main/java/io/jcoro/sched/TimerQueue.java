package io.jcoro.sched;

import java.util.Arrays;

/**
 * The sleeping tasks, as a binary min-heap on their deadlines (curio's sleep queue). The tasks
 * are the heap entries themselves ({@link Task#deadline}, {@link Task#heapIndex}), so a sleep
 * allocates nothing and a killed sleeper is removed in O(log n). Equal deadlines wake in the
 * order the sleeps began: a parallel array holds each entry's sequence number, so that only
 * sleeping tasks pay for it.
 */
final class TimerQueue {
    private Task[] heap = new Task[16];
    private int[] seqs = new int[16];
    private int size;
    private int nextSeq;

    boolean isEmpty() {
        return size == 0;
    }

    /** @return the earliest deadline; only when not empty */
    long nextDeadline() {
        return heap[0].deadline;
    }

    void add(Task task, long deadline) {
        if (size == heap.length) {
            resize(size + (size >> 1));
        }
        task.deadline = deadline;
        siftUp(size++, task, nextSeq++);
    }

    /** @return the task with the earliest deadline if it is due at {@code now}, else null */
    Task pollDue(long now) {
        if (size == 0 || heap[0].deadline - now > 0) {
            return null;
        }
        Task first = heap[0];
        removeAt(0);
        return first;
    }

    void remove(Task task) {
        int i = task.heapIndex;
        if (i >= 0 && i < size && heap[i] == task) {
            removeAt(i);
        }
    }

    private void removeAt(int i) {
        heap[i].heapIndex = -1;
        int last = --size;
        Task moved = heap[last];
        int movedSeq = seqs[last];
        heap[last] = null;
        if (i < last) {
            siftDown(i, moved, movedSeq);
            if (heap[i] == moved) {
                siftUp(i, moved, movedSeq);
            }
        }
        if (heap.length > 64 && size < heap.length >> 2) {
            resize(heap.length >> 1);
        }
    }

    private void resize(int capacity) {
        heap = Arrays.copyOf(heap, capacity);
        seqs = Arrays.copyOf(seqs, capacity);
    }

    /** Whether (a, aSeq) wakes before (b, bSeq); deadlines and sequences compare with wrap-around. */
    private static boolean before(Task a, int aSeq, Task b, int bSeq) {
        long d = a.deadline - b.deadline;
        return d < 0 || (d == 0 && aSeq - bSeq < 0);
    }

    private void siftUp(int i, Task t, int seq) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Task p = heap[parent];
            if (!before(t, seq, p, seqs[parent])) {
                break;
            }
            place(i, p, seqs[parent]);
            i = parent;
        }
        place(i, t, seq);
    }

    private void siftDown(int i, Task t, int seq) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], seqs[right], heap[child], seqs[child])) {
                child = right;
            }
            if (!before(heap[child], seqs[child], t, seq)) {
                break;
            }
            place(i, heap[child], seqs[child]);
            i = child;
        }
        place(i, t, seq);
    }

    private void place(int i, Task t, int seq) {
        heap[i] = t;
        seqs[i] = seq;
        t.heapIndex = i;
    }
}
