package dev.herald.domain.event;

/** A position in a JSON text being read, and the canonical text being written from it (see {@link CanonicalJson}). */
final class JsonCursor {
    final String text;
    final StringBuilder out;
    int pos;

    JsonCursor(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length());
    }

    /** The character at the position, or -1 at the end. */
    int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    /** Copies {@code c}, which must be next. */
    void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
        out.append(c);
    }

    /** Skips JSON's four whitespace characters, no others. */
    void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** Why the text is malformed, said at the position. */
    CanonicalJson.Malformed error(String reason) {
        return new CanonicalJson.Malformed(atEnd() ? reason + " at the end" : reason + " at character " + pos);
    }

    /** {@link #error} at {@code at}, where the bad part started. */
    CanonicalJson.Malformed errorAt(int at, String reason) {
        pos = at;
        return error(reason);
    }
}
