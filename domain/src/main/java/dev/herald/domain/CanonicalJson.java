package dev.herald.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the text of one JSON object strictly (RFC 8259, nothing more: no comments, no trailing commas, no leading
 * zeros, no unescaped control characters, nothing after the object; no name twice in one object, nor with an unpaired
 * surrogate) and writes it in
 * canonical form: no insignificant whitespace; strings with only {@code "}, {@code \} and control characters escaped
 * ({@code \b \t \n \f \r}, else <code>&#92;u00XX</code>); integers as written but {@code -0} as {@code 0}; other numbers as
 * {@link BigDecimal#toString()} writes them. That is the form Jackson gives the HTTP adapter (a test there holds it),
 * so the same data stores the same bytes however it is published.
 */
final class CanonicalJson {
    /** Objects and arrays nested deeper are refused, so a hostile text cannot exhaust the stack. */
    static final int MAX_DEPTH = 1000;
    /** Numbers with more digits (before the exponent) are refused, as Jackson refuses them on HTTP. */
    static final int MAX_NUMBER_DIGITS = 1000;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String text;
    private final StringBuilder out;
    private int pos;

    private CanonicalJson(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length());
    }

    /** The canonical text of {@code text}, which must be one JSON object; otherwise {@link Malformed} says why. */
    static String object(String text) {
        if (text == null) {
            throw new Malformed("no text");
        }
        CanonicalJson json = new CanonicalJson(text);
        json.skipWhitespace();
        if (json.peek() != '{') {
            throw json.error("expected '{'");
        }
        json.value(0);
        json.skipWhitespace();
        if (json.pos < text.length()) {
            throw json.error("unexpected text after the object");
        }
        return json.out.toString();
    }

    /** Why a text is not one JSON object. */
    static final class Malformed extends IllegalArgumentException {
        Malformed(String reason) {
            super(reason);
        }
    }

    private void value(int depth) {
        skipWhitespace();
        int c = peek();
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c != '-' && !isDigit(c)) {
                    throw error(c < 0 ? "unexpected end of text" : "unexpected character");
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
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a name in quotes");
            }
            int nameAt = pos;
            String name = string();
            if (hasUnpairedSurrogate(name)) {
                pos = nameAt; // Jackson refuses these in names (though not in values): so does the core
                throw error("unpaired surrogate in a name");
            }
            if (!names.add(name)) {
                pos = nameAt;
                throw error("duplicate name");
            }
            skipWhitespace();
            expect(':');
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

    private void enter(int depth, char open) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        out.append(open);
    }

    /** Whether the container ends right away (it is empty), consuming {@code close} if so. */
    private boolean closes(char close) {
        skipWhitespace();
        if (peek() != close) {
            return false;
        }
        pos++;
        out.append(close);
        return true;
    }

    /** After an item: true at a comma (another item follows), false at {@code close} (the container ends). */
    private boolean nextItem(char close) {
        skipWhitespace();
        if (peek() == ',') {
            pos++;
            out.append(',');
            return true;
        }
        expect(close);
        return false;
    }

    /** Copies a string in canonical form and returns its value (names are compared by value). */
    private String string() {
        pos++; // the opening quote
        out.append('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            int c = peek();
            if (c < 0) {
                throw error("unterminated string");
            }
            pos++;
            if (c == '"') {
                out.append('"');
                return value.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("unescaped control character in a string");
            }
            char ch = c == '\\' ? escaped() : (char) c;
            value.append(ch);
            writeEscaped(ch);
        }
    }

    private char escaped() {
        int c = peek();
        pos++;
        return switch (c) {
            case '"', '\\', '/' -> (char) c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> {
                pos--;
                throw error("invalid escape");
            }
        };
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("invalid \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos), 16);
            if (digit < 0 || text.charAt(pos) > 'f') {
                throw error("invalid \\u escape");
            }
            code = code * 16 + digit;
            pos++;
        }
        return (char) code;
    }

    private void writeEscaped(char ch) {
        switch (ch) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\f' -> out.append("\\f");
            case '\r' -> out.append("\\r");
            default -> {
                if (ch < 0x20) {
                    out.append("\\u00").append(HEX[ch >> 4]).append(HEX[ch & 0xF]);
                } else {
                    out.append(ch);
                }
            }
        }
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
    private void number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = peek() == '0' ? skipOneZero() : skipDigits();
        boolean integer = true;
        if (peek() == '.') {
            pos++;
            digits += skipDigits();
            integer = false;
        }
        if (digits > MAX_NUMBER_DIGITS) {
            pos = start;
            throw error("number with more than " + MAX_NUMBER_DIGITS + " digits");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            skipDigits();
            integer = false;
        }
        String number = text.substring(start, pos);
        if (integer) {
            out.append(number.equals("-0") ? "0" : number);
            return;
        }
        try {
            out.append(new BigDecimal(number));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("number out of range");
        }
    }

    private int skipOneZero() {
        pos++;
        return 1;
    }

    /** At least one digit; returns how many. */
    private int skipDigits() {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
        return pos - start;
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character");
        }
        pos += word.length();
        out.append(word);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
        out.append(c);
    }

    /** JSON's four whitespace characters, no others. */
    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The character at the position, or -1 at the end. */
    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Malformed error(String reason) {
        return new Malformed(pos < text.length() ? reason + " at character " + pos : reason + " at the end");
    }
}
