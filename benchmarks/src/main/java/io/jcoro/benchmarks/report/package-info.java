/**
 * The report, from saved results only (so it can be regenerated, or re-run after a change to the
 * core, without measuring): {@link io.jcoro.benchmarks.report.Results} reads a results directory,
 * {@link io.jcoro.benchmarks.report.MarkdownReport} writes BENCHMARKS.md with the targets
 * and anchors ({@link io.jcoro.benchmarks.report.IssueFigures}), and
 * {@link io.jcoro.benchmarks.report.DepthChart} draws ns/op against depth with JFreeChart.
 */
package io.jcoro.benchmarks.report;
