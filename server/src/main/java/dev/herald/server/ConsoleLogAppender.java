package dev.herald.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;

/**
 * The server's one appender (logback.xml): text lines on stderr, or JSON lines on stdout, as HERALD_LOG_FORMAT says
 * (docs/API.md §8.6). The format is chosen when logging starts, before the first line is written.
 */
public final class ConsoleLogAppender extends ConsoleAppender<ILoggingEvent> {
    @Override
    public void start() {
        LogFormat format = LogFormat.ofThisProcess();
        LogLineEncoder encoder = new LogLineEncoder(format);
        encoder.setContext(getContext());
        encoder.start();
        setEncoder(encoder);
        setTarget((format == LogFormat.JSON ? ConsoleTarget.SystemOut : ConsoleTarget.SystemErr).getName());
        super.start();
    }
}
