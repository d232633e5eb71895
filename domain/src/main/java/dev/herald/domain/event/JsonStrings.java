package dev.herald.domain.event;

/** The strings of a JSON text: read strictly, written with only the escapes JSON requires (see {@link CanonicalJson}). */
public final class JsonStrings {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonStrings() {
    }

    /** Copies the string at the cursor in canonical form; collects its value into {@code value} if one is given. */
    static void copy(JsonCursor in, StringBuilder value) {
        in.pos++; // the opening quote
        in.out.append('"');
        while (true) {
            int c = in.peek();
            if (c < 0) {
                throw in.error("unterminated string");
            }
            if (c == '"') {
                in.pos++;
                in.out.append('"');
                return;
            }
            if (c < 0x20) {
                throw in.error("unescaped control character in a string");
            }
            in.pos++;
            char ch = c == '\\' ? escaped(in) : (char) c;
            if (value != null) {
                value.append(ch);
            }
            writeEscaped(in.out, ch);
        }
    }

    /** Whether {@code text} holds half a surrogate pair, which is no character (refused in names and strings alike). */
    public static boolean hasUnpairedSurrogate(String text) {
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

    private static char escaped(JsonCursor in) {
        int c = in.peek();
        in.pos++;
        return switch (c) {
            case '"', '\\', '/' -> (char) c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape(in);
            default -> throw in.errorAt(in.pos - 1, "invalid escape");
        };
    }

    private static char unicodeEscape(JsonCursor in) {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int c = in.peek();
            int digit = c < 0 || c > 'f' ? -1 : Character.digit(c, 16);
            if (digit < 0) {
                throw in.error("invalid \\u escape");
            }
            code = code * 16 + digit;
            in.pos++;
        }
        return (char) code;
    }

    private static void writeEscaped(StringBuilder out, char ch) {
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
}
