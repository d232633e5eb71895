package dev.herald.domain;

import java.util.Objects;

/**
 * One problem with one input: the field in the core's terms ({@code url}, {@code subscriptions[2]},
 * {@code deliveryId}), the rule it breaks, and a message for people. How a caller reports it (an HTTP answer, a
 * log line) is the caller's business.
 */
public record Violation(String field, Rule rule, String message) {
    /** The rules an input can break. */
    public enum Rule {
        /** A required input was not given. */
        REQUIRED,
        /** Not an id of the expected kind. */
        ID_INVALID,
        /** Not a URL a webhook may point to. */
        URL_INVALID,
        /** Not a plausible e-mail address. */
        EMAIL_INVALID,
        /** Not a possible tenant name. */
        TENANT_NAME_INVALID,
        /** Text with characters it may not hold, or none. */
        TEXT_INVALID,
        /** Longer than allowed. */
        TOO_LONG,
        /** A list with fewer items than required. */
        TOO_FEW_ITEMS,
        /** A map with more entries than allowed. */
        TOO_MANY_ENTRIES,
        /** Not an HTTP header name (a token). */
        HEADER_NAME_INVALID,
        /** A header name Herald or HTTP itself sets, which a tenant may not. */
        HEADER_NAME_RESERVED,
        /** A header name given twice, differing only in case. */
        HEADER_NAME_DUPLICATE,
        /** Not a header value Herald can send as it is. */
        HEADER_VALUE_INVALID,
        /** Not the name of an event type. */
        UNKNOWN_EVENT_TYPE,
        /** Not the text of one JSON object. */
        NOT_A_JSON_OBJECT,
        /** A number outside its allowed range. */
        OUT_OF_RANGE,
        /** A number below its minimum. */
        TOO_SMALL,
        /** Event data that breaks the JSON Schema of its type (docs/API.md §4.11). */
        SCHEMA_MISMATCH
    }

    public Violation {
        Objects.requireNonNull(field);
        Objects.requireNonNull(rule);
        Objects.requireNonNull(message);
    }

    /** The position {@code index} in the list field {@code list}: {@code subscriptions[2]}. */
    public static String item(String list, int index) {
        return list + "[" + index + "]";
    }

    /** The entry {@code key} of the map field {@code map}, the key verbatim: {@code headers["X-Api-Key"]}. */
    public static String entry(String map, String key) {
        return map + "[\"" + key + "\"]";
    }
}
