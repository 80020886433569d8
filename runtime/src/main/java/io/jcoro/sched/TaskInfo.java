package io.jcoro.sched;

import java.util.ArrayList;
import java.util.List;

/**
 * What one task is doing, at the moment it was asked: the answer of {@link Scheduler#tasks()}
 * and the lines of {@link Scheduler#dump()}, as {@code jstack} is for threads.
 *
 * @param id        the task's id
 * @param state     where it is in its life
 * @param waitingOn what it waits on ({@link Task#waitingOn()}), or null unless it is
 *                  {@linkplain Task.State#WAITING waiting}
 * @param frames    where it is suspended, innermost first, each with class, method, file and
 *                  line (the scheduler's own wrapper left out); empty for a task that has not
 *                  started or is running
 */
public record TaskInfo(int id, Task.State state, String waitingOn, List<StackTraceElement> frames) {
    /** @return the dump's text for this task: a heading line, then one {@code at} line per frame */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Task ").append(id).append(' ').append(state);
        if (waitingOn != null) {
            sb.append(": ").append(waitingOn);
        }
        for (StackTraceElement f : frames) {
            sb.append(System.lineSeparator()).append("    at ").append(f);
        }
        return sb.toString();
    }

    static List<TaskInfo> of(Task[] tasks) {
        List<TaskInfo> all = new ArrayList<>(tasks.length);
        for (Task t : tasks) {
            all.add(new TaskInfo(t.id, t.state(), t.waitingOn(), framesOf(t)));
        }
        return all;
    }

    private static List<StackTraceElement> framesOf(Task t) {
        if (t.generator == null || t.state == Task.RUNNING) {
            return List.of();
        }
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement f : t.generator.suspendedFrames()) {
            if (!f.getClassName().equals(Task.class.getName())) {
                frames.add(f);
            }
        }
        return List.copyOf(frames);
    }
}
