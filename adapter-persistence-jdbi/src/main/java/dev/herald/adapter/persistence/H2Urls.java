package dev.herald.adapter.persistence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Adds to an H2 URL the settings Herald's SQL relies on, unless the URL sets them: PostgreSQL mode with lower-case
 * names (the schema is written in PostgreSQL's dialect), NULLs sorting high as in PostgreSQL, for in-memory
 * databases a life as long as the JVM's (a pool may briefly hold no connection, which would drop the database), no
 * closing by H2's shutdown hook (Herald closes it, in order), and for files commits written at once (durable when the
 * process is killed). A file is opened by one process only: H2's AUTO_SERVER would open a TCP port to it (and cannot be
 * combined with closing the database in order), so the CLI reaches a running server through its admin API.
 */
final class H2Urls {
    /** How long an H2 file keeps space no longer in use before reusing it (H2's default: 45 s). */
    static final int RETENTION_MILLIS = 5_000;

    private H2Urls() {
    }

    static boolean isH2(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    /** A database in a file (not in memory, not over TCP): one process opens it, and delivers from it. */
    static boolean isH2File(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:file:")
                || isH2(jdbcUrl) && !jdbcUrl.startsWith("jdbc:h2:mem:") && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:");
    }

    static String withHeraldSettings(String jdbcUrl) {
        if (!isH2(jdbcUrl)) {
            return jdbcUrl;
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("MODE", "PostgreSQL");
        wanted.put("DATABASE_TO_LOWER", "TRUE");
        wanted.put("DEFAULT_NULL_ORDERING", "HIGH");
        if (jdbcUrl.startsWith("jdbc:h2:mem:")) {
            wanted.put("DB_CLOSE_DELAY", "-1");
        }
        if (!jdbcUrl.startsWith("jdbc:h2:tcp:") && !jdbcUrl.startsWith("jdbc:h2:ssl:")) {
            // Herald closes the database itself, after its workers stopped and recorded what they could; H2's own
            // JVM shutdown hook would close it under them on SIGTERM.
            wanted.put("DB_CLOSE_ON_EXIT", "FALSE");
        }
        if (isH2File(jdbcUrl)) {
            // H2 otherwise writes commits out up to 500 ms later: a killed process would lose accepted events.
            wanted.put("WRITE_DELAY", "0");
            // Space no longer in use is reused after 5 s, not H2's 45 s: the file holds 5 s of commits beside the live
            // data. H2FileCompaction forces the file to disk every second, well within it (docs/DECISIONS.md).
            wanted.put("RETENTION_TIME", Integer.toString(RETENTION_MILLIS));
        }
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(jdbcUrl);
        wanted.forEach((setting, value) -> {
            if (!upper.contains(";" + setting + "=")) {
                url.append(';').append(setting).append('=').append(value);
            }
        });
        return url.toString();
    }
}
