package io.jcoro.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * B2's chart: ns per resume/yield round trip against the depth of the yield, log-log, with
 * JMH's error bars, for jcoro, the hand-written rewind floor and the Loom continuation, on each
 * JDK measured.
 */
final class DepthChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    /** column, label suffix, colour; one series per JDK that has it. */
    private record Line(String column, String label, Color color) {
    }

    private static final List<Line> LINES = List.of(
            new Line("jcoro", "jcoro", new Color(0xD62728)),
            new Line("floor", "hand-written rewind (floor)", new Color(0x2CA02C)),
            new Line("continuation", "Loom Continuation", new Color(0x1F77B4)));

    private DepthChart() {
    }

    /**
     * Draws the chart.
     *
     * @param results the results
     * @param png     where to write it
     * @return whether there was anything to draw
     * @throws IOException if it cannot be written
     */
    static boolean write(Results results, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<Color> colors = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        for (Line line : LINES) {
            for (Results.Jdk jdk : results.jdks) {
                YIntervalSeries series = new YIntervalSeries(line.label() + ", JDK " + jdk.feature);
                for (Score s : jdk.scores) {
                    if (s.shape().equals("B2") && s.column().equals(line.column())) {
                        double e = Double.isNaN(s.error()) ? 0 : s.error();
                        series.add(s.depth(), s.nanos(), Math.max(s.nanos() - e, s.nanos() * 0.05), s.nanos() + e);
                    }
                }
                if (series.getItemCount() > 0) {
                    data.addSeries(series);
                    colors.add(line.color());
                    dashed.add(jdk.feature < 21);
                }
            }
        }
        if (data.getSeriesCount() == 0) {
            return false;
        }
        LogAxis x = new LogAxis("depth of the yield (frames, the body included)");
        x.setBase(10);
        x.setTickUnit(new NumberTickUnit(1));
        x.setSmallestValue(1);
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        LogAxis y = new LogAxis("ns per resume/yield round trip (median of JMH iterations, 99.9% error bars)");
        y.setBase(10);
        y.setTickUnit(new NumberTickUnit(1));
        y.setSmallestValue(0.5);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < colors.size(); i++) {
            renderer.setSeriesPaint(i, colors.get(i));
            renderer.setSeriesStroke(i, dashed.get(i)
                    ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 5f}, 0f)
                    : new BasicStroke(2f));
        }
        renderer.setErrorPaint(Color.DARK_GRAY);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("B2: yield round trip against depth (dashed: JDK 17)",
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        return true;
    }
}
