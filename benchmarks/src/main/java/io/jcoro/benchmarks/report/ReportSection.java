package io.jcoro.benchmarks.report;

import java.io.IOException;

/** One section of BENCHMARKS.md: what it writes, from the results, into the report's text. */
abstract class ReportSection {
    /** The results the report is made from. */
    protected final Results r;
    private final StringBuilder out;

    ReportSection(Results r, StringBuilder out) {
        this.r = r;
        this.out = out;
    }

    /** Writes the section, its blank lines included. */
    abstract void write() throws IOException;

    final void line(String s) {
        out.append(s).append('\n');
    }

    final void line() {
        out.append('\n');
    }
}
