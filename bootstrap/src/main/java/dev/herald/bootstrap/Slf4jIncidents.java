package dev.herald.bootstrap;

import dev.herald.application.port.out.ForLoggingIncidents;
import java.lang.System.Logger.Level;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The core's incident lines (docs/API.md §8.6) through SLF4J, each field a key-value pair: the host's backend shows
 * them as it shows any (the server's: {@code key="value"} in text, a member of the line's object in JSON).
 */
final class Slf4jIncidents implements ForLoggingIncidents {
    @Override
    public void log(Incident incident) {
        LoggingEventBuilder line = LoggerFactory.getLogger(incident.logger()).atLevel(level(incident.level()))
                .setMessage(incident.message());
        incident.fields().forEach(line::addKeyValue);
        line.log();
    }

    private static org.slf4j.event.Level level(Level level) {
        return switch (level) {
            case ERROR -> org.slf4j.event.Level.ERROR;
            case WARNING -> org.slf4j.event.Level.WARN;
            case INFO -> org.slf4j.event.Level.INFO;
            case DEBUG -> org.slf4j.event.Level.DEBUG;
            case ALL, TRACE, OFF -> org.slf4j.event.Level.TRACE;
        };
    }
}
