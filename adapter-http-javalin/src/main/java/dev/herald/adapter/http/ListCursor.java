package dev.herald.adapter.http;

import dev.herald.adapter.http.ValidationErrorBody.Problem;
import dev.herald.domain.ListPosition;
import dev.herald.domain.Sha256;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cursor of keyset pages (docs/API.md §10): opaque to clients, it holds the position of the last item a page
 * answered (its sort date and seq), a digest of the list it was made for (the route, the webhook, the filters and the
 * order, not the page size) and a checksum, so that a cursor that was cut, altered or made for another list is a 422
 * at {@code ["query","cursor"]}, never a wrong page or a 500. The checksum is not a signature: a client able to forge
 * one only chooses where its own list starts.
 */
final class ListCursor {
    static final String PARAMETER = "cursor";
    static final String NEXT_CURSOR_HEADER = "Herald-Next-Cursor";
    static final String TYPE = "value_error.cursor";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** The dates Herald stores; a cursor outside them was not made by Herald. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private ListCursor() {
    }

    static String encode(String list, ListPosition position) {
        String date = position.date().map(d -> d.getEpochSecond() + ":" + d.getNano()).orElse("-");
        String payload = digest(list) + "." + date + "." + position.seq();
        return ENCODER.encodeToString((payload + "." + check(payload)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position the request's cursor names, empty without one. Its problems join the query's: malformed, given
     * with {@code offset}, or made for another list than {@code list} (asked only when the rest of the query is valid,
     * since a list with invalid filters has no name). A position without a date is only valid in a list ordered by
     * a date that may be missing ({@code undatedAllowed}).
     */
    static Optional<ListPosition> read(QueryFields query, Supplier<String> list, boolean undatedAllowed) {
        String text = query.text(PARAMETER);
        if (text == null) {
            return Optional.empty();
        }
        if (query.text("offset") != null) {
            query.add(problem("cursor cannot be combined with offset: follow the cursor alone"));
            return Optional.empty();
        }
        Optional<Decoded> decoded = decode(text)
                .filter(d -> undatedAllowed || d.position().date().isPresent());
        if (decoded.isEmpty()) {
            query.add(problem("cursor is not one that Herald gave: pass the Herald-Next-Cursor of a previous page"
                    + " as it is"));
            return Optional.empty();
        }
        if (query.hasProblems()) {
            return Optional.empty();
        }
        if (!decoded.get().listDigest().equals(digest(list.get()))) {
            query.add(problem("cursor was made for another list, filters or order: repeat the query parameters of"
                    + " the first page (except limit) with its cursor"));
            return Optional.empty();
        }
        return Optional.of(decoded.get().position());
    }

    /** Announces the next page, if any, in {@code Herald-Next-Cursor} and {@code Link: <…>; rel="next"}. */
    static void announceNext(Context ctx, String list, Optional<ListPosition> next) {
        next.ifPresent(position -> {
            String cursor = encode(list, position);
            ctx.header(NEXT_CURSOR_HEADER, cursor);
            ctx.header("Link", "<" + nextPage(ctx, cursor) + ">; rel=\"next\"");
        });
    }

    /** The request's path and query with the cursor in place of any cursor or offset it had. */
    private static String nextPage(Context ctx, String cursor) {
        List<String> parameters = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            String name = parameter.getKey();
            if (!name.equals(PARAMETER) && !name.equals("offset") && !parameter.getValue().isEmpty()) {
                parameters.add(encoded(name) + "=" + encoded(parameter.getValue().get(0))); // the first counts
            }
        }
        parameters.add(PARAMETER + "=" + cursor);
        return ctx.path() + "?" + String.join("&", parameters);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private record Decoded(String listDigest, ListPosition position) {
    }

    private static Optional<Decoded> decode(String text) {
        try {
            String[] parts = new String(DECODER.decode(text), StandardCharsets.UTF_8).split("\\.", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            String payload = parts[0] + "." + parts[1] + "." + parts[2];
            if (!check(payload).equals(parts[3])) {
                return Optional.empty();
            }
            Optional<Instant> date = Optional.empty();
            if (!parts[1].equals("-")) {
                String[] secondsAndNanos = parts[1].split(":", -1);
                if (secondsAndNanos.length != 2) {
                    return Optional.empty();
                }
                date = Optional.of(Instant.ofEpochSecond(Long.parseLong(secondsAndNanos[0]),
                        Integer.parseInt(secondsAndNanos[1])));
                if (date.get().isBefore(EARLIEST) || date.get().isAfter(LATEST)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Decoded(parts[0], new ListPosition(date, Long.parseLong(parts[2]))));
        } catch (RuntimeException malformed) { // not base64url, not numbers, a date out of range
            return Optional.empty();
        }
    }

    private static String digest(String list) {
        return Sha256.hex("herald list " + list).substring(0, 16);
    }

    private static String check(String payload) {
        return Sha256.hex("herald cursor " + payload).substring(0, 16);
    }

    private static Problem problem(String message) {
        return new Problem(List.of("query", PARAMETER), message, TYPE);
    }
}
