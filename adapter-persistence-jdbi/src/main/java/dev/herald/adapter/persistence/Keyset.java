package dev.herald.adapter.persistence;

/**
 * "After this position" in a list ordered by a date column and seq, both in one direction (keyset paging,
 * docs/API.md §10): binds {@code :atDate} and {@code :atSeq}. The first condition is a plain range on the date, so
 * that H2 and PostgreSQL both start reading the index at the position instead of stepping over the rows before it;
 * the second drops the position's own row and the rows of its date before it.
 */
final class Keyset {
    private Keyset() {
    }

    static String after(String column, String direction) {
        String beyond = "DESC".equals(direction) ? "<" : ">";
        return column + " " + beyond + "= :atDate AND (" + column + " " + beyond + " :atDate OR seq " + beyond
                + " :atSeq)";
    }

    /** After a position among rows without the date, ordered by seq alone. */
    static String afterSeq(String direction) {
        return "seq " + ("DESC".equals(direction) ? "<" : ">") + " :atSeq";
    }
}
