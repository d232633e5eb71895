package dev.herald.adapter.persistence;

import java.util.List;
import java.util.regex.Pattern;

/** Reading the plans that EXPLAIN prints, for the plan tests. */
final class QueryPlans {
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private QueryPlans() {
    }

    /** The rows each read of an H2 {@code EXPLAIN ANALYZE} plan stepped over, in the plan's order. */
    static List<Integer> scanCounts(String plan) {
        return SCAN_COUNT.matcher(plan).results().map(m -> Integer.parseInt(m.group(1))).toList();
    }

    /** How often {@code regex} occurs in {@code text}. */
    static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
