package dev.herald.server;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One log line (docs/API.md §8.6). Text: time, thread, level, logger and message, then each key-value pair as
 * {@code key="value"}, then the exception's stack trace. JSON (written by Jackson): one object per line with
 * {@code timestamp} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread}, {@code message}, each key-value
 * pair as a member of its own, and {@code exception} (the stack trace as one string) when there is one.
 */
final class LogLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [%thread] %level %logger - %msg%nopex";
    /** A key-value pair cannot replace the line's own members. */
    private static final Set<String> OWN_MEMBERS = Set.of("timestamp", "level", "logger", "thread", "message",
            "exception");
    private static final JsonFactory JSON = new JsonFactory();

    private final LogFormat format;
    private final PatternLayout text = new PatternLayout();

    LogLineEncoder(LogFormat format) {
        this.format = format;
    }

    @Override
    public void start() {
        text.setContext(getContext());
        text.setPattern(TEXT_PATTERN);
        text.start();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return (format == LogFormat.JSON ? json(event) : text(event)).getBytes(StandardCharsets.UTF_8);
    }

    private String text(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(text.doLayout(event));
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                line.append(' ').append(pair.key).append("=\"")
                        .append(String.valueOf(pair.value).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        line.append(System.lineSeparator());
        if (event.getThrowableProxy() != null) {
            line.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append(System.lineSeparator());
        }
        return line.toString();
    }

    private static String json(ILoggingEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator line = JSON.createGenerator(bytes)) {
            line.writeStartObject();
            line.writeStringField("timestamp", event.getInstant().toString());
            line.writeStringField("level", event.getLevel().toString());
            line.writeStringField("logger", event.getLoggerName());
            line.writeStringField("thread", event.getThreadName());
            line.writeStringField("message", event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair pair : event.getKeyValuePairs()) {
                    if (!OWN_MEMBERS.contains(pair.key)) {
                        line.writeStringField(pair.key, String.valueOf(pair.value));
                    }
                }
            }
            if (event.getThrowableProxy() != null) {
                line.writeStringField("exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            line.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8) + System.lineSeparator();
    }
}
