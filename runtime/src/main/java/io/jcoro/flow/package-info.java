/**
 * Data-flow pipelines of coroutines: the course's Part 2.
 *
 * <h2>Pull</h2>
 * Generators feed generators: {@link io.jcoro.flow.Pull} has line sources and
 * {@code grep}/{@code map}/{@code filter} stages, {@link io.jcoro.flow.Follow} tails a growing
 * file like {@code tail -f} and can stop (close, a deadline, end of input).
 *
 * <h2>Push</h2>
 * Sources drive sinks through filters: a {@link io.jcoro.flow.Target} receives items with
 * {@code send}; a {@link io.jcoro.flow.Stage} is a named coroutine target
 * ({@link io.jcoro.flow.Filters}: {@code grep}, {@code map}, {@code filter},
 * {@code broadcast}; {@link io.jcoro.flow.Sinks}: printer, collector, discard), and
 * {@link io.jcoro.flow.Sources} push a collection or a reader into one. Several stages may feed
 * one (fan-in). Closing the head of a chain closes every stage downstream exactly once, running
 * its {@code finally} blocks; a stage that fails closes what is downstream of it and the sender
 * receives a {@link io.jcoro.flow.StageException} naming it.
 *
 * <p>One consumer type: wherever a target goes, any {@link java.util.function.Consumer} does,
 * adapted by {@link io.jcoro.flow.Target#of}: a stage, a core {@code Sink} (the course's
 * {@code @coroutine}), a lambda.
 *
 * <p>Layering: uses {@link io.jcoro.core}, and {@link io.jcoro.sched} so that following a file
 * in a task sleeps the task ({@link io.jcoro.flow.Tail}) (README "Layers"; checked by
 * {@code LayeringTest}).
 */
package io.jcoro.flow;
