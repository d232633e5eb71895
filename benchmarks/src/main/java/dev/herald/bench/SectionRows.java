package dev.herald.bench;

import java.util.List;
import java.util.function.Function;

/** A row of a scenario's section of the results: the measure's label, then one cell per column (result). */
final class SectionRows {
    private SectionRows() {
    }

    static <R> void row(StringBuilder table, List<R> results, String label, Function<R, String> cell) {
        table.append("| ").append(label).append(" |");
        results.forEach(r -> table.append(' ').append(cell.apply(r)).append(" |"));
        table.append('\n');
    }
}
