package dev.herald.bench;

import java.util.Arrays;

/** Percentiles of a sample of nanosecond durations, in milliseconds. */
record Stats(int count, double p50, double p99, double max) {
    static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, ms(at(sorted, 0.50)), ms(at(sorted, 0.99)), ms(sorted[sorted.length - 1]));
    }

    private static long at(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
