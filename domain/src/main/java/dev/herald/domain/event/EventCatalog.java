package dev.herald.domain.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of event types (docs/API.md §4.11): one entry per {@link EventType}, in its order, read once from the
 * data file {@code event-types.json} beside this class. A file that lacks a type, names an unknown one or breaks the
 * shape stops Herald at its first use, so a broken catalog never ships quietly.
 */
public final class EventCatalog {
    static final String RESOURCE = "event-types.json";
    private static final Map<EventType, EventTypeDescription> ENTRIES = load();

    private EventCatalog() {
    }

    /** Every type, in the order of {@link EventType}. */
    public static List<EventTypeDescription> all() {
        return List.copyOf(ENTRIES.values());
    }

    /** The entry of {@code type}. */
    public static EventTypeDescription of(EventType type) {
        return ENTRIES.get(type);
    }

    private static Map<EventType, EventTypeDescription> load() {
        Map<String, String> entries = CanonicalJson.members(read());
        Map<EventType, EventTypeDescription> catalog = new EnumMap<>(EventType.class);
        entries.forEach((name, entry) -> {
            EventType type = Arrays.stream(EventType.values()).filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> broken("names the unknown type " + name));
            catalog.put(type, entry(type, CanonicalJson.members(entry)));
        });
        for (EventType type : EventType.values()) {
            if (!catalog.containsKey(type)) {
                throw broken("has no entry for " + type);
            }
        }
        return catalog;
    }

    private static EventTypeDescription entry(EventType type, Map<String, String> fields) {
        String description = field(type, fields, "description");
        String example = field(type, fields, "example");
        String schema = field(type, fields, "schema");
        if (!description.startsWith("\"") || !schema.startsWith("{")) {
            throw broken("needs a string description and an object schema for " + type);
        }
        return new EventTypeDescription(type, CanonicalJson.string(description), new EventData(example), schema);
    }

    private static String field(EventType type, Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw broken("has no " + name + " for " + type);
        }
        return value;
    }

    private static String read() {
        try (InputStream in = EventCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw broken("is missing from Herald's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException broken(String why) {
        return new IllegalStateException(RESOURCE + " " + why);
    }
}
