package io.jcoro.sched;

import java.util.Arrays;

/**
 * The live tasks by id (the course's {@code taskmap}): an open-addressing hash table of the
 * {@link Task}s themselves, keyed by their id, with linear probing and backward-shift deletion.
 * One array slot per entry and no boxed keys or entry objects, because a scheduler may hold a
 * million tasks. The kernels of one scheduler share one {@link Shared} table, so that ids are
 * looked up across them.
 */
class TaskTable {
    /** The table of a scheduler on several threads: each operation under its monitor. */
    static final class Shared extends TaskTable {
        @Override
        synchronized int size() {
            return super.size();
        }

        @Override
        synchronized Task get(int id) {
            return super.get(id);
        }

        @Override
        synchronized void add(Task task) {
            super.add(task);
        }

        @Override
        synchronized void remove(Task task) {
            super.remove(task);
        }

        @Override
        synchronized Task[] snapshot() {
            return super.snapshot();
        }
    }

    private static final int MIN_CAPACITY = 16;

    private Task[] slots = new Task[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    Task get(int id) {
        Task[] s = slots;
        int mask = s.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            Task t = s[i];
            if (t == null || t.id == id) {
                return t;
            }
        }
    }

    /** Adds a task whose id is not in the table. */
    void add(Task task) {
        if (size + 1 > slots.length - (slots.length >> 2)) {
            resize(slots.length << 1);
        }
        insert(slots, task);
        size++;
    }

    void remove(Task task) {
        Task[] s = slots;
        int mask = s.length - 1;
        int i = slot(task.id, mask);
        while (s[i] != task) {
            if (s[i] == null) {
                return;
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: move later entries of the probe run into the hole.
        int hole = i;
        for (int j = (hole + 1) & mask; s[j] != null; j = (j + 1) & mask) {
            int home = slot(s[j].id, mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                s[hole] = s[j];
                hole = j;
            }
        }
        s[hole] = null;
        size--;
        if (s.length > MIN_CAPACITY && size < s.length >> 3) {
            resize(s.length >> 1);
        }
    }

    /** @return the live tasks in ascending id order */
    Task[] snapshot() {
        Task[] all = new Task[size];
        int n = 0;
        for (Task t : slots) {
            if (t != null) {
                all[n++] = t;
            }
        }
        Arrays.sort(all, (a, b) -> Integer.compare(a.id, b.id));
        return all;
    }

    private void resize(int capacity) {
        Task[] fresh = new Task[capacity];
        for (Task t : slots) {
            if (t != null) {
                insert(fresh, t);
            }
        }
        slots = fresh;
    }

    private static void insert(Task[] s, Task task) {
        int mask = s.length - 1;
        int i = slot(task.id, mask);
        while (s[i] != null) {
            i = (i + 1) & mask;
        }
        s[i] = task;
    }

    private static int slot(int id, int mask) {
        int h = id * 0x9E3779B9;
        return (h ^ h >>> 16) & mask;
    }
}
