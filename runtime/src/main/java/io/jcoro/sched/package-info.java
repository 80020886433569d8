/**
 * Tasks and a scheduler: the course's tiny operating system (pyos1..pyos8), with system calls,
 * I/O waiting on NIO channels, sleeping, and no trampolines.
 *
 * <h2>The model</h2>
 * A {@link io.jcoro.sched.Task} is a coroutine with an id. The {@link io.jcoro.sched.Scheduler}
 * runs ready tasks one step at a time. A task traps into the kernel by yielding a
 * {@link io.jcoro.sched.SystemCall} object ({@code int me = Co.yield(new GetTid());}); the
 * scheduler runs the call's {@code handle} with the {@link io.jcoro.sched.Kernel} and the task,
 * and the call resumes the task with a value or parks it. Any other yield only gives the other
 * tasks a turn. The built-in calls: {@link io.jcoro.sched.GetTid},
 * {@link io.jcoro.sched.NewTask}, {@link io.jcoro.sched.KillTask},
 * {@link io.jcoro.sched.WaitTask}, {@link io.jcoro.sched.ReadWait},
 * {@link io.jcoro.sched.WriteWait}, {@link io.jcoro.sched.Sleep},
 * {@link io.jcoro.sched.CancelTask}; adding one is a class with one method (see
 * {@link io.jcoro.sched.SystemCall}).
 *
 * <h2>Beyond the course: timeouts, cancellation, groups, faults</h2>
 * Every suspension is a cancellation point. A {@link io.jcoro.sched.CancelScope} gives the code
 * inside it a deadline ({@code failAfter}, and {@link io.jcoro.sched.Syscalls#moveOnAfter}) or
 * a way to be cancelled, or shields it; cancelling a task throws
 * {@link io.jcoro.sched.Cancelled} in at its suspension point, a deadline
 * {@link io.jcoro.sched.TaskTimeout}. A {@link io.jcoro.sched.TaskGroup} is trio's nursery:
 * its block ends when all its children have, and a child's failure cancels the others and
 * reaches the parent as an {@link io.jcoro.sched.ExceptionGroup}. No failure of a task ends
 * the scheduler; a failure of the kernel stops it cleanly, every task closed.
 *
 * <h2>Tasks that talk, wait on the world, and show where they are</h2>
 * {@link io.jcoro.sched.Channel} (bounded, or a rendezvous, with close) and
 * {@link io.jcoro.sched.Select}, {@link io.jcoro.sched.Event}, {@link io.jcoro.sched.Semaphore}
 * and {@link io.jcoro.sched.Lock}: every wait is a cancellation point and a waiter that gives up
 * leaves them consistent. {@link io.jcoro.sched.Syscalls#await} suspends a task until a
 * {@code CompletableFuture} completes, {@link io.jcoro.sched.ToThread#run} runs a blocking call
 * on a thread pool meanwhile, {@link io.jcoro.sched.Scheduler#execute} lets other threads in.
 * {@link io.jcoro.sched.Scheduler#tasks()} and {@link io.jcoro.sched.Scheduler#dump()} show what
 * every task waits on and where it is suspended; an {@link io.jcoro.sched.Activation} sees every
 * task's life and every trap. {@link io.jcoro.sched.Scheduler#onThreads} runs the tasks on
 * several threads, one kernel each; a ready task may move to an idle kernel, and all of the above
 * works between tasks of different kernels.
 *
 * <h2>No trampolines</h2>
 * In Python a {@code yield} suspends only the generator it is written in, so the course's
 * library functions ({@code Accept}, {@code Send}, {@code Recv}) have to be sub-generators and
 * the scheduler has to run them on a stack of its own (pyos8's trampoline). Here a
 * {@code Co.yield} suspends the whole chain of {@code @Coroutine} calls, so system calls are
 * ordinary functions ({@link io.jcoro.sched.Syscalls}: {@code Syscalls.sleep(100)},
 * {@code Syscalls.readWait(channel)}), socket operations are ordinary methods
 * ({@code connection.recv(65536)} in {@link io.jcoro.net}), and a task calls them at any depth,
 * as it would call any function:
 *
 * <pre>{@code
 * @Coroutine
 * static void handleClient(Connection client) {      // called as a plain function
 *     byte[] data;
 *     while ((data = client.recv(65536)).length > 0) { // suspends this task, not the scheduler
 *         client.sendAll(data);
 *     }
 * }
 * }</pre>
 *
 * <h2>Scale</h2>
 * The loop is curio's: poll the one {@link java.nio.channels.Selector} (without blocking while
 * tasks are ready), wake the sleepers that are due, run the ready tasks. A waiting task is its
 * {@code Task} object, its generator and its saved frames, linked into the kernel's
 * structures directly (the timer heap and the table of tasks hold the tasks themselves; a
 * channel's registration is made once and kept), so a million sleeping tasks or a hundred
 * thousand idle connections fit an ordinary heap.
 *
 * <p>Layering: uses {@link io.jcoro.core} only (README "Layers"; checked by {@code LayeringTest}).
 */
package io.jcoro.sched;
