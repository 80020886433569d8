/**
 * The report, from saved results only (so it can be regenerated, or re-run after a change to the
 * core, without measuring): {@link io.jcoro.benchmarks.report.Results} reads a results directory,
 * {@link io.jcoro.benchmarks.report.MarkdownReport} writes BENCHMARKS.md, one section class per
 * benchmark or topic, each building its tables with
 * {@link io.jcoro.benchmarks.report.MarkdownTable}, against the targets and anchors
 * ({@link io.jcoro.benchmarks.report.IssueFigures}); {@link io.jcoro.benchmarks.report.DepthChart}
 * draws ns/op against depth with JFreeChart.
 */
package io.jcoro.benchmarks.report;
