package dev.herald.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/** The JSON a receiver gets: {@code {"id","type","data","createdDate","alertId"}}, built once per delivery. */
public final class DeliveryBody {
    private static final String DATA_KEY = "\"data\":";
    private static final String CREATED_DATE_KEY = ",\"createdDate\":";
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DeliveryBody() {
    }

    public static String render(DeliveryId id, Event event) {
        // ids, type names and dates hold no characters that need JSON escaping; data is already a JSON object.
        return "{\"id\":\"" + id.value()
                + "\",\"type\":\"" + event.type().name()
                + "\"," + DATA_KEY + event.data().json()
                + CREATED_DATE_KEY + "\"" + isoMillis(event.createdDate())
                + "\",\"alertId\":\"" + event.id().value() + "\"}";
    }

    /** ISO-8601 UTC with millisecond precision, as every time in the API. */
    public static String isoMillis(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** The event's data inside a body made by {@link #render}: the JSON between {@code "data":} and the fixed tail. */
    public static String data(String body) {
        int start = body.indexOf(DATA_KEY) + DATA_KEY.length();
        int end = body.lastIndexOf(CREATED_DATE_KEY);
        return body.substring(start, end);
    }
}
