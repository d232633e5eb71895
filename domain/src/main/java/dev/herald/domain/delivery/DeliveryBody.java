package dev.herald.domain.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The JSON a receiver gets, {@code {"id","type","data","createdDate","alertId"}}, as UTF-8 parts: a head, the event's
 * data and a tail. The data part is shared by every delivery of one event, so an event is held once in memory however
 * many webhooks it goes to; only the small head and tail are per delivery. Rebuilt identically on every attempt.
 */
public final class DeliveryBody {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final List<byte[]> parts;

    private DeliveryBody(List<byte[]> parts) {
        this.parts = parts;
    }

    /** The body of {@code delivery}, around its event's data given as UTF-8 ({@link EventData#utf8()}), not copied. */
    public static DeliveryBody of(Delivery delivery, byte[] sharedData) {
        // ids, type names and dates hold no characters that need JSON escaping; data is already a JSON object.
        String head = "{\"id\":\"" + delivery.id().value() + "\",\"type\":\"" + delivery.type().name() + "\",\"data\":";
        String tail = ",\"createdDate\":\"" + isoMillis(delivery.createdDate()) + "\",\"alertId\":\""
                + delivery.eventId().value() + "\"}";
        return new DeliveryBody(List.of(utf8(head), sharedData, utf8(tail)));
    }

    /** A body given whole (a test vector, a benchmark's body). */
    public static DeliveryBody ofText(String json) {
        return new DeliveryBody(List.of(utf8(json)));
    }

    /** The parts in order; together they are the body's bytes. Not to be modified. */
    public List<byte[]> parts() {
        return parts;
    }

    public int length() {
        return parts.stream().mapToInt(part -> part.length).sum();
    }

    /** The whole body as text (copies it: for tests and tools, not for sending). */
    public String text() {
        ByteArrayOutputStream whole = new ByteArrayOutputStream(length());
        parts.forEach(whole::writeBytes);
        return whole.toString(StandardCharsets.UTF_8);
    }

    /** ISO-8601 UTC with millisecond precision, as every time in the API. */
    public static String isoMillis(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
