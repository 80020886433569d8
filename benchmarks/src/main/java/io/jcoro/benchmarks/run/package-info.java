/**
 * The one-command run: for each JDK asked for, the JMH suite (forked JVMs with the agent and,
 * on JDK 21+, the Loom baselines), then M1, S2 and N1 in child JVMs of their own, one JVM at a
 * time; then CPython; each part's figures saved as JSON under the results directory, from which
 * {@link io.jcoro.benchmarks.report} writes the report.
 */
package io.jcoro.benchmarks.run;
