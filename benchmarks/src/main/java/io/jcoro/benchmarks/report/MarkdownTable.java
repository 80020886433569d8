package io.jcoro.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A Markdown table: a head, a rule, and rows of cells, written as {@code | a | b |}. */
final class MarkdownTable {
    private final List<String> head = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** @param head the first column heads */
    MarkdownTable(String... head) {
        Collections.addAll(this.head, head);
    }

    /** Adds a column head. */
    MarkdownTable column(String head) {
        this.head.add(head);
        return this;
    }

    /** Adds a row; it should have a cell per column. */
    MarkdownTable row(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Adds a row of the given cells. */
    MarkdownTable row(String... cells) {
        return row(List.of(cells));
    }

    /** @return whether it has no rows */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Writes the head, the rule and the rows, a line each. */
    void writeTo(ReportSection section) {
        section.line(line(head));
        section.line(line(Collections.nCopies(head.size(), "---")));
        for (List<String> row : rows) {
            section.line(line(row));
        }
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
