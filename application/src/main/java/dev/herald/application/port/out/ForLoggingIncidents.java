package dev.herald.application.port.out;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where the core writes the lines an operator acts on (docs/API.md §8.6): a delivery that failed for good, an
 * endpoint's circuit opening or closing, a webhook disabled. Each is a message and its fields: ids, counts and the last
 * error, never a secret, a key or a tenant's data. Called on the delivery threads, so an implementation must be cheap
 * and must not throw; {@link #SYSTEM_LOGGER} when the host gave no other.
 */
public interface ForLoggingIncidents {
    /** The JDK's {@link System.Logger}, each field as {@code key="value"} after the message. */
    ForLoggingIncidents SYSTEM_LOGGER = incident -> {
        System.Logger log = System.getLogger(incident.logger());
        if (log.isLoggable(incident.level())) {
            log.log(incident.level(), incident.text());
        }
    };

    void log(Incident incident);

    /** One line: its level, the logger it is written under, its message, and its fields in order. */
    record Incident(System.Logger.Level level, String logger, String message, Map<String, String> fields) {
        public Incident {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(logger, "logger");
            Objects.requireNonNull(message, "message");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The message and its fields on one line, as the plain log format shows them (docs/API.md §8.6). */
        public String text() {
            return fields.isEmpty() ? message : message + " " + fields.entrySet().stream()
                    .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(" "));
        }
    }
}
