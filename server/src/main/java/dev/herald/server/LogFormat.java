package dev.herald.server;

import java.util.Locale;
import java.util.Optional;

/**
 * HERALD_LOG_FORMAT (docs/API.md §8.6): {@code text} (the default), lines for people on stderr; {@code json}, one
 * JSON object per line on stdout, for a log collector.
 */
public enum LogFormat {
    TEXT, JSON;

    /** The format named by {@code text}, in any case; anything else is refused with the values there are. */
    static LogFormat parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("expected text or json");
        };
    }

    /**
     * The format this process was started with, read where {@link HeraldConfig} reads it (the system property
     * {@code herald.log.format} first). Read when logging starts, before the configuration is: a value it refuses
     * stops the server right after, so until then lines are text.
     */
    static LogFormat ofThisProcess() {
        String value = Optional.ofNullable(System.getProperty("herald.log.format"))
                .orElseGet(() -> System.getenv("HERALD_LOG_FORMAT"));
        try {
            return value == null || value.isBlank() ? TEXT : parse(value.strip());
        } catch (IllegalArgumentException e) {
            return TEXT;
        }
    }
}
