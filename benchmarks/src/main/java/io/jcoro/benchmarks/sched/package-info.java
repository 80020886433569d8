/**
 * K1: the scheduler on every core ({@code Scheduler.onThreads}): a CPU-bound fan-out on one
 * kernel against two, and the echo server's CPU time per message on one and two kernels, in one
 * run ({@link io.jcoro.benchmarks.sched.KernelScaling}).
 */
package io.jcoro.benchmarks.sched;
