package dev.herald.domain.event;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the text of one JSON object strictly (RFC 8259, nothing more: no comments, no trailing commas, no leading
 * zeros, no unescaped control characters, nothing after the object; no name twice in one object, no unpaired
 * surrogate in a name or a string) and writes it in canonical form: no insignificant whitespace; strings with only {@code "}, {@code \} and
 * control characters escaped ({@code \b \t \n \f \r}, else <code>&#92;u00XX</code>); integers as written but
 * {@code -0} as {@code 0}; other numbers as {@link BigDecimal#toString()} writes them. That is the form Jackson gives
 * the HTTP adapter (a test there holds it), so the same data stores the same bytes however it is published.
 */
final class CanonicalJson {
    /** Objects and arrays nested deeper are refused, so a hostile text cannot exhaust the stack. */
    static final int MAX_DEPTH = 1000;
    /** Numbers with more digits (before the exponent) are refused, as Jackson refuses them on HTTP. */
    static final int MAX_NUMBER_DIGITS = 1000;

    private final JsonCursor in;

    private CanonicalJson(String text) {
        this.in = new JsonCursor(text);
    }

    /** The canonical text of {@code text}, which must be one JSON object; otherwise {@link Malformed} says why. */
    static String object(String text) {
        if (text == null) {
            throw new Malformed("no text");
        }
        CanonicalJson json = new CanonicalJson(text);
        json.in.skipWhitespace();
        if (json.in.peek() != '{') {
            throw json.in.error("expected '{'");
        }
        json.value(0);
        json.in.skipWhitespace();
        if (!json.in.atEnd()) {
            throw json.in.error("unexpected text after the object");
        }
        return json.in.out.toString();
    }

    /**
     * The members of the JSON object {@code text}, in their order: each name with the canonical text of its value
     * (how {@link EventCatalog} reads its resource without a JSON library).
     */
    static Map<String, String> members(String text) {
        CanonicalJson json = new CanonicalJson(object(text)); // checked whole first; canonical: no whitespace
        Map<String, String> members = new LinkedHashMap<>();
        json.in.expect('{');
        if (json.closes('}')) {
            return members;
        }
        do {
            StringBuilder name = new StringBuilder();
            JsonStrings.copy(json.in, name);
            json.in.expect(':');
            int start = json.in.out.length();
            json.value(1);
            members.put(name.toString(), json.in.out.substring(start));
        } while (json.nextItem('}'));
        return members;
    }

    /** The value of the JSON string whose text (quotes included) is {@code text}. */
    static String string(String text) {
        JsonCursor in = new JsonCursor(text);
        if (in.peek() != '"') {
            throw in.error("expected a string");
        }
        StringBuilder value = new StringBuilder();
        JsonStrings.copy(in, value);
        if (!in.atEnd()) {
            throw in.error("unexpected text after the string");
        }
        return value.toString();
    }

    /** Why a text is not one JSON object. */
    static final class Malformed extends IllegalArgumentException {
        Malformed(String reason) {
            super(reason);
        }
    }

    private void value(int depth) {
        in.skipWhitespace();
        int c = in.peek();
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c != '-' && !isDigit(c)) {
                    throw in.error(c < 0 ? "unexpected end of text" : "unexpected character");
                }
                number();
            }
        }
    }

    private void object(int depth) {
        enter(depth, '{');
        if (closes('}')) {
            return;
        }
        Set<String> names = new HashSet<>();
        do {
            in.skipWhitespace();
            if (in.peek() != '"') {
                throw in.error("expected a name in quotes");
            }
            int nameAt = in.pos;
            StringBuilder name = new StringBuilder();
            JsonStrings.copy(in, name);
            if (JsonStrings.hasUnpairedSurrogate(name.toString())) {
                throw in.errorAt(nameAt, "unpaired surrogate in a name");
            }
            if (!names.add(name.toString())) {
                throw in.errorAt(nameAt, "duplicate name");
            }
            in.skipWhitespace();
            in.expect(':');
            value(depth);
        } while (nextItem('}'));
    }

    private void array(int depth) {
        enter(depth, '[');
        if (closes(']')) {
            return;
        }
        do {
            value(depth);
        } while (nextItem(']'));
    }

    /**
     * A string value. Half a surrogate pair is refused as in a name: it is no character, UTF-8 cannot carry it, and a
     * database or a receiver would store or read something else than was published.
     */
    private void string() {
        int at = in.pos;
        StringBuilder value = new StringBuilder();
        JsonStrings.copy(in, value);
        if (JsonStrings.hasUnpairedSurrogate(value.toString())) {
            throw in.errorAt(at, "unpaired surrogate in a string");
        }
    }

    private void enter(int depth, char open) {
        if (depth > MAX_DEPTH) {
            throw in.error("nested deeper than " + MAX_DEPTH + " levels");
        }
        in.expect(open);
    }

    /** Whether the container ends right away (it is empty), consuming {@code close} if so. */
    private boolean closes(char close) {
        in.skipWhitespace();
        if (in.peek() != close) {
            return false;
        }
        in.expect(close);
        return true;
    }

    /** After an item: true at a comma (another item follows), false at {@code close} (the container ends). */
    private boolean nextItem(char close) {
        in.skipWhitespace();
        if (in.peek() == ',') {
            in.expect(',');
            return true;
        }
        in.expect(close);
        return false;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
    private void number() {
        int start = in.pos;
        if (in.peek() == '-') {
            in.pos++;
        }
        int digits = in.peek() == '0' ? skipOneZero() : skipDigits();
        boolean integer = true;
        if (in.peek() == '.') {
            in.pos++;
            digits += skipDigits();
            integer = false;
        }
        if (digits > MAX_NUMBER_DIGITS) {
            throw in.errorAt(start, "number with more than " + MAX_NUMBER_DIGITS + " digits");
        }
        if (in.peek() == 'e' || in.peek() == 'E') {
            in.pos++;
            if (in.peek() == '+' || in.peek() == '-') {
                in.pos++;
            }
            skipDigits();
            integer = false;
        }
        String number = in.text.substring(start, in.pos);
        if (integer) {
            in.out.append(number.equals("-0") ? "0" : number);
            return;
        }
        try {
            in.out.append(new BigDecimal(number));
        } catch (NumberFormatException e) {
            throw in.errorAt(start, "number out of range");
        }
    }

    private int skipOneZero() {
        in.pos++;
        return 1;
    }

    /** At least one digit; returns how many. */
    private int skipDigits() {
        int start = in.pos;
        while (isDigit(in.peek())) {
            in.pos++;
        }
        if (in.pos == start) {
            throw in.error("expected a digit");
        }
        return in.pos - start;
    }

    private void literal(String word) {
        if (!in.text.startsWith(word, in.pos)) {
            throw in.error("unexpected character");
        }
        in.pos += word.length();
        in.out.append(word);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
