package dev.herald.domain.webhook;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's own headers, sent with every delivery attempt of its webhook (docs/API.md §4.1, §6.1), in the order
 * given. Names are HTTP tokens (RFC 9110), unique whatever their case, and none that Herald, the HTTP client or the
 * connection itself sets; values are printable ASCII, so no value can end the header line or start another.
 */
public record WebhookHeaders(Map<String, String> values) {
    public static final int MAX_COUNT = 20;
    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_VALUE_LENGTH = 4096;
    /** Of all names and values together. */
    public static final int MAX_TOTAL_LENGTH = 8192;
    public static final WebhookHeaders NONE = new WebhookHeaders(Map.of());

    private static final String FIELD = "headers";
    /**
     * Lower case. What Herald sets on every delivery (docs/API.md §6.1) and the address it connects to ({@code Host});
     * what java.net.http refuses to be given ({@code Connection}, {@code Content-Length}, {@code Expect},
     * {@code Host}, {@code Upgrade}); and the hop-by-hop and framing headers of the connection, which a receiver
     * would read as Herald's own.
     */
    private static final Set<String> RESERVED = Set.of("host", "user-agent", "decoda-signature", "connection",
            "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "expect", "http2-settings");
    /**
     * Whole families: {@code Content-*} describes the body, which is Herald's (Content-Type, Content-Length,
     * Content-Encoding…); {@code webhook-*} is Standard Webhooks' (webhook-id, -timestamp, -signature and any it
     * adds); {@code Proxy-*} is for proxies on the way, not the receiver.
     */
    private static final List<String> RESERVED_PREFIXES = List.of("content-", "webhook-", "proxy-");
    /** The characters of a token besides letters and digits (RFC 9110 §5.6.2). */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    public WebhookHeaders {
        Objects.requireNonNull(values);
        List<Violation> problems = problems(values);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A tenant's headers, checked: {@code null} or an empty map is none. */
    public static WebhookHeaders of(Map<String, String> values) {
        return values == null || values.isEmpty() ? NONE : new WebhookHeaders(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether a tenant may not set the header {@code name}, in any case. */
    public static boolean isReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return RESERVED.contains(lower) || RESERVED_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    private static List<Violation> problems(Map<String, String> values) {
        List<Violation> problems = new ArrayList<>();
        if (values.size() > MAX_COUNT) {
            problems.add(new Violation(FIELD, Violation.Rule.TOO_MANY_ENTRIES,
                    "headers may hold at most " + MAX_COUNT + " headers"));
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Map.Entry<String, String> header : values.entrySet()) {
            String name = header.getKey() == null ? "" : header.getKey();
            String value = header.getValue();
            String field = Violation.entry(FIELD, name);
            nameProblem(name, field, seen).ifPresent(problems::add);
            if (value == null || !isSendable(value)) {
                problems.add(new Violation(field, Violation.Rule.HEADER_VALUE_INVALID, "the value of header '"
                        + printable(name) + "' must be printable ASCII (space to ~), not starting or ending with"
                        + " a space"));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(new Violation(field, Violation.Rule.TOO_LONG, "the value of header '" + printable(name)
                        + "' must be at most " + MAX_VALUE_LENGTH + " characters"));
            }
            total += name.length() + (value == null ? 0 : value.length());
        }
        if (total > MAX_TOTAL_LENGTH) {
            problems.add(new Violation(FIELD, Violation.Rule.TOO_LONG,
                    "headers' names and values must total at most " + MAX_TOTAL_LENGTH + " characters"));
        }
        return problems;
    }

    private static Optional<Violation> nameProblem(String name, String field, Set<String> seen) {
        if (!isToken(name)) {
            return Optional.of(new Violation(field, Violation.Rule.HEADER_NAME_INVALID, "header name '"
                    + printable(name) + "' is not a token: 1 or more letters, digits and " + TOKEN_SYMBOLS));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(new Violation(field, Violation.Rule.TOO_LONG,
                    "header names must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (isReserved(name)) {
            return Optional.of(new Violation(field, Violation.Rule.HEADER_NAME_RESERVED, "header '" + name
                    + "' is set by Herald or by HTTP itself and cannot be given"));
        }
        if (!seen.add(name.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Violation(field, Violation.Rule.HEADER_NAME_DUPLICATE, "header '" + name
                    + "' is given twice (names differing only in case are the same header)"));
        }
        return Optional.empty();
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Printable ASCII, no space at either end: HTTP strips those, some servers turn a tab into a space, and a character
     * beyond ASCII reaches receivers as Latin-1, which many read otherwise. CR, LF and NUL can therefore never be sent.
     */
    private static boolean isSendable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return value.isEmpty() || (value.charAt(0) != ' ' && value.charAt(value.length() - 1) != ' ');
    }

    /** A name as a message may quote it: control characters escaped, at most 64 characters. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(name.length(), 64); i++) {
            char c = name.charAt(i);
            shown.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return name.length() > 64 ? shown + "…" : shown.toString();
    }
}
