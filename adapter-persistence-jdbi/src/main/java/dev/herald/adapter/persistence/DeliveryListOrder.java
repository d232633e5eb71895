package dev.herald.adapter.persistence;

/**
 * The delivery list in an order that H2 and PostgreSQL both read straight from an index of V5, stopping at the
 * page, so that a list costs the same however long the webhook's history is (docs/DECISIONS.md, "The delivery list
 * reads an index in its order"). Parts of the SQL are there for H2's planner only: each ORDER BY repeats the
 * index's leading columns, although the WHERE fixes them (H2 reads an index in order only for an ORDER BY that starts
 * with the index's columns), and each read bounds its date from below by {@code :earliest}, which every stored date
 * passes (without a condition on the date, H2 reads the index it made itself for the foreign key on webhook_id, and
 * sorts).
 */
final class DeliveryListOrder {
    private static final String FROM = " FROM deliveries WHERE ";

    private DeliveryListOrder() {
    }

    /**
     * Newest or oldest first: {@code created_date} is never NULL, so one ordered read, from right after a position
     * ({@link Keyset}) when the page has one.
     */
    static String byCreation(String where, String direction, boolean oneEventType, boolean afterPosition) {
        String index = oneEventType ? "webhook_id, event_type, created_date, seq" : "webhook_id, created_date, seq";
        String after = afterPosition ? " AND " + Keyset.after("created_date", direction) : "";
        return "SELECT seq, " + DeliveryRows.DELIVERY_COLUMNS + FROM + where + " AND created_date > :earliest" + after
                + " ORDER BY " + inDirection(index, direction) + " LIMIT :limit OFFSET :offset";
    }

    /**
     * By a date that may be missing, rows without it last either way (docs/DECISIONS.md, "Sorting by a date that is
     * missing"). An index keeps NULLs at one end, so read backwards it would give them first: the rows with the date
     * and those without are read as two ordered parts, each up to the page's end ({@code :reach}), and only those
     * rows are put in order. The dated part is bounded from above too ({@code :latest}): H2 keeps NULLs after every
     * date, and read backwards from an open end it would step over all the undated rows first.
     */
    static String byOptionalDate(String where, String column, String direction) {
        return byOptionalDate(where, column, direction, "");
    }

    /**
     * {@link #byOptionalDate(String, String, String)} from right after a position with the date ({@link Keyset}):
     * the rest of the dated rows, then every row without the date.
     */
    static String byOptionalDateAfterDated(String where, String column, String direction) {
        return byOptionalDate(where, column, direction, " AND " + Keyset.after(column, direction));
    }

    /** From right after a position without the date: only rows without it remain, ordered by seq. */
    static String byOptionalDateAfterUndated(String where, String column, String direction) {
        return part(1, where + " AND " + column + " IS NULL AND " + Keyset.afterSeq(direction),
                inDirection("webhook_id, " + column + ", seq", direction), ":limit OFFSET :offset");
    }

    private static String byOptionalDate(String where, String column, String direction, String after) {
        String index = inDirection("webhook_id, " + column + ", seq", direction);
        String dated = column + " > :earliest AND " + column + " < :latest" + after;
        return "(" + part(0, where + " AND " + dated, index, ":reach") + ") UNION ALL ("
                + part(1, where + " AND " + column + " IS NULL", index, ":reach") + ")"
                + " ORDER BY list_part, " + inDirection(column + ", seq", direction)
                + " LIMIT :limit OFFSET :offset";
    }

    private static String part(int number, String where, String order, String limit) {
        return "SELECT " + number + " AS list_part, seq, " + DeliveryRows.DELIVERY_COLUMNS + FROM + where
                + " ORDER BY " + order + " LIMIT " + limit;
    }

    private static String inDirection(String columns, String direction) {
        return String.join(" " + direction + ", ", columns.split(", ")) + " " + direction;
    }
}
